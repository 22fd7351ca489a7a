namespace Automation.Engine.Scoring.Models;

/// <summary>A customer as of a cut-off: every model feature (in <see cref="ModelFeatures.AllNames"/> order) and what happened after.</summary>
public sealed record LabelledExample(string CustomerId, float[] Features, bool Label);
