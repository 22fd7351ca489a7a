namespace Automation.Host.Api;

/// <summary>A day's PSI of a model's scores against its training distribution, with a warning in words above the configured level.</summary>
public sealed record ScoreDriftView(DateTime Day, double Psi, int Customers, string? Warning);
