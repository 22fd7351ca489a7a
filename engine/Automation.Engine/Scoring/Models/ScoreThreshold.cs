namespace Automation.Engine.Scoring.Models;

/// <summary>A value of a score whose crossing (either way) is published.</summary>
public sealed record ScoreThreshold(string Score, double Value);
