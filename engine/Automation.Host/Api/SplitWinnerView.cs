namespace Automation.Host.Api;

/// <summary>An A/B test step's winner: the variant every later customer takes, and why.</summary>
public sealed record SplitWinnerView(string ActivityId, string Port, double ProbabilityBest, string Summary, DateTime DecidedAt);
