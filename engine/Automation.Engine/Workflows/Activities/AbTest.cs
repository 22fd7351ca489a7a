using System.Globalization;
using Automation.Engine.Audit;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Activities;

[Activity("abTest", "Decide", "A/B test", "Divides customers between variants and measures them against the workflow's goal; once one is best with the chosen confidence (and every variant has enough customers), every later customer takes it", Ports = ["a", "b"])]
public sealed class AbTest : Activity<AbTestSettings>
{
    public const string TypeName = "abTest";

    protected override async Task<ActivityOutcome> ExecuteAsync(ActivityContext context, AbTestSettings settings, CancellationToken cancellationToken)
    {
        // A dry run neither reads nor decides a winner: it shows how the variants divide customers.
        var winner = context.Simulation is null ? await WinnerAsync(context, settings, cancellationToken) : null;
        if (winner is not null)
        {
            context.Instance.Branch = winner.Value.Port;
            return ActivityOutcome.Continue(winner.Value.Port, winner.Value.Summary);
        }

        var (port, bucket) = Split.Choose(context, settings.Variants);
        context.Instance.Branch = port;
        return ActivityOutcome.Continue(port, string.Create(CultureInfo.InvariantCulture, $"variant {port} (bucket {bucket:0.00}); no winner yet"));
    }

    protected override IReadOnlyList<string>? Ports(AbTestSettings settings, ValidationServices services) =>
        settings.Variants.Count == 0 ? null : settings.Variants.Select(b => b.Port).ToList();

    protected override IEnumerable<(string Field, string Message)> Validate(AbTestSettings settings, ValidationServices services)
    {
        foreach (var problem in Split.Check(settings.Variants, "variants"))
        {
            yield return problem;
        }

        if (settings.MinCustomersPerVariant is < 1 or > 1_000_000)
        {
            yield return ("minCustomersPerVariant", "give between 1 and 1,000,000 customers per variant");
        }

        if (settings.Confidence is < 0.5 or > 0.999)
        {
            yield return ("confidence", "give a probability of being best between 0.5 and 0.999 (e.g. 0.95)");
        }
    }

    /// <summary>The winner already chosen, or the one these counts choose now; null while the test goes on.</summary>
    private static async Task<(string Port, string Summary)?> WinnerAsync(ActivityContext context, AbTestSettings settings, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var workflowId = context.Definition.Id;
        var activityId = context.Activity.Id;
        if (await db.SplitWinners.FindAsync([workflowId, activityId], cancellationToken) is { } chosen)
        {
            return (chosen.Port, $"variant {chosen.Port}, the winner since {chosen.DecidedAt:yyyy-MM-dd HH:mm} UTC");
        }

        // Counted once per unit of work: a batch of a thousand arrivals asks the database once.
        var memo = $"abtest-counted:{workflowId}:{activityId}";
        if (db.Memo.ContainsKey(memo))
        {
            return null;
        }

        db.Memo[memo] = true;
        var ports = settings.Variants.Select(v => v.Port).ToList();
        var counts = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.WorkflowId == workflowId && i.ParentInstanceId == null && i.Branch != null && ports.Contains(i.Branch))
            .GroupBy(i => i.Branch!)
            .Select(g => new { Port = g.Key, Customers = g.Count(), Converted = g.Count(i => i.Status == WorkflowInstanceStatus.Converted) })
            .ToDictionaryAsync(g => g.Port, g => (g.Customers, g.Converted), cancellationToken);
        var variants = ports.Select(p => counts.GetValueOrDefault(p)).ToList();
        if (variants.Any(v => v.Customers < settings.MinCustomersPerVariant))
        {
            return null;
        }

        var best = WinProbability.Best(variants);
        var top = Array.IndexOf(best, best.Max());
        if (best[top] < settings.Confidence)
        {
            return null;
        }

        var why = string.Join(", ", ports.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{p} {variants[i].Converted}/{variants[i].Customers} converted")));
        var summary = string.Create(CultureInfo.InvariantCulture, $"variant {ports[top]} wins with a {best[top]:P1} probability of being best ({why}); every later customer takes it");
        db.SplitWinners.Add(new SplitWinner { WorkflowId = workflowId, ActivityId = activityId, Port = ports[top], ProbabilityBest = best[top], Summary = summary, DecidedAt = context.Now });
        AuditLog.Write(db, "workflows", "workflow.abtest.winner", $"workflow/{workflowId}", $"{activityId}: {summary}", context.Now);
        return (ports[top], summary);
    }
}
