namespace Automation.Host.Api;

/// <summary>A model's latest drift measurement; Warning says when it has drifted past the configured limit.</summary>
public sealed record ScoreDriftView(DateTime Day, double Psi, int Customers, string? Warning);
