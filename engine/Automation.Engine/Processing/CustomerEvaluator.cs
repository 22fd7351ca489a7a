using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Definitions;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage.Profiles;

namespace Automation.Engine.Processing;

/// <summary>One customer of a batch through fold → score → segments; every change goes to the batch's writes.</summary>
public sealed class CustomerEvaluator(ProfileUpdater updater, FeatureCalculator calculator, RfmScorer rfm)
{
    public async ValueTask<EvaluatedCustomer> EvaluateAsync(ProcessingBatch batch, BatchContext context, BatchCustomer customer, bool rebuild, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        var (profile, state) = await FoldAsync(batch, context, customer, rebuild, cancellationToken);
        var folded = Stopwatch.GetTimestamp();
        context.FoldTicks += folded - t;
        var (features, scores, crossings) = Score(context, profile, state);
        t = Stopwatch.GetTimestamp();
        context.ScoreTicks += t - folded;

        // A home that holds profiles in memory keeps each customer's memberships with them after the first read.
        var current = context.Memberships.Count > 0 ? context.Memberships.GetValueOrDefault(customer.CustomerId) : null;
        if (customer.Held is { } held)
        {
            current ??= held.Memberships;
            held.Memberships = current ??= [];
        }

        var changes = MembershipWriter.Apply(context.Writes, context.Segments, features, scores, current ?? [], context.Now, customer.Held is null ? null : current);
        if (context.Triggers.Count > 0 && StartsWorkflow(context.Triggers, changes, crossings))
        {
            batch.ShareWithReaders(profile, state);
        }

        context.SegmentTicks += Stopwatch.GetTimestamp() - t;
        return new EvaluatedCustomer(customer.CustomerId, customer.Events, profile, state, features, scores);
    }

    /// <summary>Folds the customer's events into the profile (held by the home, loaded, or new) and has the home keep it.</summary>
    public async ValueTask<(CustomerProfile Profile, ProfileState State)> FoldAsync(ProcessingBatch batch, BatchContext context, BatchCustomer customer, bool rebuild, CancellationToken cancellationToken)
    {
        var (customerId, events) = (customer.CustomerId, customer.Events);
        CustomerProfile profile;
        ProfileState state;
        if (customer.Held is { } held)
        {
            (profile, state) = (held.Profile, held.State);
        }
        else
        {
            if (context.Profiles.Count == 0 || !context.Profiles.TryGetValue(customerId, out profile!))
            {
                profile = ProfileUpdater.NewProfile(customerId, events.Min(e => e.Timestamp));
            }

            state = ProfileState.Read(profile);
        }

        if (rebuild || updater.NeedsRefold(state, events))
        {
            // A merged history (identify), or an event older than the kept sessions, is folded again from the stored
            // events, so every aggregate ends as if all had come in order.
            var history = await batch.HistoryAsync(customerId, events, cancellationToken);
            ProfileUpdater.Reset(profile, history.Concat(events).Min(e => e.Timestamp));
            state = ProfileState.Empty();
            foreach (var e in history)
            {
                updater.Apply(profile, state, e);
            }
        }

        foreach (var e in events)
        {
            updater.Apply(profile, state, e);
        }

        state.Settle(profile, context.Now, updater.CartWindow);
        profile.UpdatedAt = context.Now;
        batch.Keep(customer, profile, state, context.Writes);
        return (profile, state);
    }

    /// <summary>RFM and model scores, then the features and scores segments are evaluated on.</summary>
    public (CustomerFeatures Features, CustomerScores Scores, IReadOnlyList<ScoreThresholdCrossed> Crossings) Score(BatchContext context, CustomerProfile profile, ProfileState state)
    {
        var now = context.Now;
        var features = calculator.Features(profile, state.Counts, now, state.Carts);
        rfm.Score(profile, now);

        // Scores first, so that segments over Scores.* see this event's effect.
        var crossings = context.Round.Apply(profile, features, now);
        foreach (var crossing in crossings)
        {
            context.Writes.Publish(crossing, now);
        }

        return (features, FeatureCalculator.Scores(profile), crossings);
    }

    /// <summary>
    /// True when a published workflow starts on one of these messages. Apart from the caller, whose every call would
    /// otherwise allocate the lambdas' closure, needed or not.
    /// </summary>
    private static bool StartsWorkflow(HashSet<(string Type, string? Key)> triggers, List<MembershipChange> changes, IReadOnlyList<ScoreThresholdCrossed> crossings)
    {
        foreach (var c in changes)
        {
            if (triggers.Contains((c.Entered ? TriggerTypes.SegmentEntered : TriggerTypes.SegmentExited, c.Segment)))
            {
                return true;
            }
        }

        foreach (var c in crossings)
        {
            if (triggers.Contains((TriggerTypes.ScoreCrossed, c.Score)))
            {
                return true;
            }
        }

        return false;
    }
}
