namespace Automation.Engine.Scoring.Models;

/// <summary>One model's drift today: population stability index of its scores against its training distribution.</summary>
public sealed record DriftResult(Guid ModelId, string Score, int Version, double Psi, int Customers, bool Warning);
