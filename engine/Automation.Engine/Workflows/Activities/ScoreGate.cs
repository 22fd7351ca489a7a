using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("scoreGate", "Decide", "Score gate", "Goes on by 'pass' when a model or RFM score is at or above a threshold, else by 'fail'", Ports = ["pass", "fail"])]
public sealed class ScoreGate : Activity<ScoreGateSettings>
{
    public static readonly IReadOnlyList<string> Scores = ["ChurnRisk", "PurchasePropensity", "Recency", "Frequency", "Monetary"];

    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, ScoreGateSettings settings, CancellationToken cancellationToken)
    {
        var value = Read(context.Scores, settings.Score);
        var pass = value >= settings.Threshold;
        return Task.FromResult(ActivityOutcome.Continue(pass ? "pass" : "fail", $"{settings.Score} {value:0.00} {(pass ? ">=" : "<")} {settings.Threshold:0.00}"));
    }

    protected override IEnumerable<(string Field, string Message)> Validate(ScoreGateSettings settings, ValidationServices services)
    {
        if (!Scores.Contains(settings.Score))
        {
            yield return ("score", $"unknown score '{settings.Score}'; use one of {string.Join(", ", Scores)}");
        }
    }

    public static double Read(CustomerScores scores, string score)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return score switch
        {
            "ChurnRisk" => scores.ChurnRisk,
            "PurchasePropensity" => scores.PurchasePropensity,
            "Recency" => scores.Recency,
            "Frequency" => scores.Frequency,
            "Monetary" => scores.Monetary,
            _ => 0,
        };
    }
}
