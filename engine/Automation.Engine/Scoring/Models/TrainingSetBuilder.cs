using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// Labelled examples from stored history. Each customer's events up to a cut-off are replayed through the same
/// <see cref="ProfileUpdater"/> and <see cref="FeatureCalculator"/> the engine uses online, so a feature means the same
/// thing in training and in scoring; the label is what the customer did in the horizon after the cut-off.
/// Two cut-offs a horizon apart give a training set and a later, time-based holdout whose labels are never seen in training.
/// </summary>
public sealed class TrainingSetBuilder(ProfileUpdater updater, FeatureCalculator calculator)
{
    /// <summary>From the database: the holdout's horizon ends at the newest stored event.</summary>
    public async Task<TrainingSet> BuildAsync(IDbContextFactory<AutomationDbContext> databases, string score, int horizonDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var newest = await db.Events.AsNoTracking().MaxAsync(e => (DateTime?)e.Timestamp, cancellationToken)
            ?? throw new InvalidOperationException("there are no stored events to learn from");
        var (train, holdout) = Cutoffs(newest, horizonDays);
        var events = db.Events.AsNoTracking().Where(e => e.Timestamp <= holdout.AddDays(horizonDays))
            .OrderBy(e => e.CustomerId).ThenBy(e => e.Timestamp).ThenBy(e => e.Sequence).AsAsyncEnumerable();
        return await BuildAsync(events, score, horizonDays, train, holdout, cancellationToken);
    }

    /// <summary>The holdout cut-off is a horizon before the newest event, the training cut-off a horizon before that.</summary>
    public static (DateTime Train, DateTime Holdout) Cutoffs(DateTime newestEvent, int horizonDays)
    {
        var holdout = newestEvent.AddDays(-horizonDays);
        return (holdout.AddDays(-horizonDays), holdout);
    }

    /// <summary>From events ordered by customer, then time.</summary>
    public async Task<TrainingSet> BuildAsync(IAsyncEnumerable<StoredEvent> eventsByCustomer, string score, int horizonDays, DateTime trainCutoff, DateTime holdoutCutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventsByCustomer);
        if (!ScoreTargets.All.Contains(score))
        {
            throw new ArgumentException($"unknown score '{score}'", nameof(score));
        }

        var train = new List<LabelledExample>();
        var holdout = new List<LabelledExample>();
        var customer = new List<StoredEvent>();
        await foreach (var e in eventsByCustomer.WithCancellation(cancellationToken))
        {
            if (customer.Count > 0 && !string.Equals(customer[0].CustomerId, e.CustomerId, StringComparison.Ordinal))
            {
                AddExamples(customer, score, horizonDays, trainCutoff, holdoutCutoff, train, holdout);
                customer.Clear();
            }

            customer.Add(e);
        }

        if (customer.Count > 0)
        {
            AddExamples(customer, score, horizonDays, trainCutoff, holdoutCutoff, train, holdout);
        }

        return new TrainingSet(score, horizonDays, trainCutoff, holdoutCutoff, train, holdout);
    }

    private void AddExamples(List<StoredEvent> events, string score, int horizonDays, DateTime trainCutoff, DateTime holdoutCutoff, List<LabelledExample> train, List<LabelledExample> holdout)
    {
        var id = events[0].CustomerId;
        var profile = ProfileUpdater.NewProfile(id, events[0].Timestamp);
        var state = ProfileState.Empty();
        var next = 0;
        foreach (var (cutoff, into) in new[] { (trainCutoff, train), (holdoutCutoff, holdout) })
        {
            while (next < events.Count && events[next].Timestamp <= cutoff)
            {
                updater.Apply(profile, state, events[next++]);
            }

            if (next == 0)
            {
                continue; // not a customer yet at this cut-off
            }

            // As the live processor does after each batch: sessions and windows as of the cut-off.
            state.Write(profile, cutoff, updater.CartWindow);
            var purchasedAfter = events.Skip(next).TakeWhile(e => e.Timestamp <= cutoff.AddDays(horizonDays)).Any(e => e.Type == EventTypes.Purchase);
            var example = Example(profile, state.Counts, cutoff, score, purchasedAfter);
            if (example is not null)
            {
                into.Add(example);
            }
        }
    }

    /// <summary>Churn is asked only of customers who had bought: they churn by not buying again within the horizon.</summary>
    private LabelledExample? Example(CustomerProfile profile, DailyCounts counts, DateTime cutoff, string score, bool purchasedAfter)
    {
        if (score == ScoreTargets.ChurnRisk && profile.Purchases == 0)
        {
            return null;
        }

        var features = calculator.Features(profile, counts, cutoff);
        var label = score == ScoreTargets.ChurnRisk ? !purchasedAfter : purchasedAfter;
        return new LabelledExample(profile.CustomerId, ModelFeatures.Vector(features, ModelFeatures.AllNames), label);
    }
}
