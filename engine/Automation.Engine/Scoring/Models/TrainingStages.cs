namespace Automation.Engine.Scoring.Models;

/// <summary>The stages of a training run, in order, as a progress display names them.</summary>
public static class TrainingStages
{
    public const string Queued = "queued";

    /// <summary>Building examples from the stored history (features as of the cut-off, labels after it).</summary>
    public const string Examples = "examples";

    /// <summary>Fitting the candidates side by side and evaluating them against the RFM baseline on the holdout.</summary>
    public const string Fitting = "fitting";

    /// <summary>Scoring every profile with the activated version (done / total profiles).</summary>
    public const string Scoring = "scoring";

    public const string Done = "done";

    public const string Failed = "failed";
}
