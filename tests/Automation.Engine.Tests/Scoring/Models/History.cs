using Automation.Engine.Configuration;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Storage.Events;
using Automation.Testing.Histories;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Scoring.Models;

/// <summary>Generated histories as the engine stores them, and the training sets built from them.</summary>
internal static class History
{
    public static readonly DateTime End = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IOptions<AutomationOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new AutomationOptions());

    public static TrainingSetBuilder Builder() => new(new ProfileUpdater(Options), new FeatureCalculator(Options));

    public static Task<TrainingSet> TrainingSetAsync(int customers, bool planted, string score = ScoreTargets.ChurnRisk) =>
        Builder().BuildAsync(Stored(ChurnHistory.Generate(customers, End, planted)), score, ChurnHistory.WindowDays, End.AddDays(-60), End.AddDays(-30), CancellationToken.None);

    public static async IAsyncEnumerable<StoredEvent> Stored(IEnumerable<HistoryEvent> events)
    {
        long sequence = 0;
        foreach (var e in events)
        {
            await Task.CompletedTask;
            sequence++;
            yield return new StoredEvent { Sequence = sequence, EventId = $"e-{sequence}", CustomerId = e.CustomerId, Type = e.Type, Timestamp = e.Timestamp, Value = e.Value, ReceivedAt = e.Timestamp };
        }
    }
}
