using Automation.Engine.Scoring.Models;

namespace Automation.Host.Api;

/// <summary>One version for the model page: the summary, its score drift day by day, and every input's drift now.</summary>
public sealed record ScoreModelDetail(ScoreModelSummary Model, IReadOnlyList<ScoreDriftView> DriftHistory, FeatureDriftReport FeatureDrift);
