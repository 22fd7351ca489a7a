namespace Automation.Engine.Scoring.Models;

/// <summary>An active model version in memory.</summary>
public sealed record LoadedModel(Guid Id, string Score, int Version, IScoreModel Model);
