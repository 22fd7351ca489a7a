using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

[Activity("split", "Decide", "A/B split", "Sends each customer down one branch by percentage (e.g. 90 treat / 10 holdout); the same customer always gets the same branch", Ports = ["a", "b"])]
public sealed class Split : Activity<SplitSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, SplitSettings settings, CancellationToken cancellationToken)
    {
        var (port, bucket) = Choose(context, settings.Branches);
        context.Instance.Branch = port;
        return Task.FromResult(ActivityOutcome.Continue(port, $"branch {port} (bucket {bucket:0.00})"));
    }

    protected override IReadOnlyList<string>? Ports(SplitSettings settings, ValidationServices services) =>
        settings.Branches.Count == 0 ? null : settings.Branches.Select(b => b.Port).ToList();

    protected override IEnumerable<(string Field, string Message)> Validate(SplitSettings settings, ValidationServices services) => Check(settings.Branches, "branches");

    /// <summary>
    /// The branch the customer's bucket falls in. A stable hash of customer + workflow + node: reruns and simulations put
    /// a customer in the same branch.
    /// </summary>
    public static (string Port, double Bucket) Choose(ActivityContext context, IReadOnlyList<SplitBranch> branches)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(branches);
        var bucket = Bucket($"{context.Instance.CustomerId}|{context.Definition.Id}|{context.Activity.Id}");
        var total = 0.0;
        foreach (var branch in branches)
        {
            total += branch.Percent;
            if (bucket < total)
            {
                return (branch.Port, bucket);
            }
        }

        return (branches[^1].Port, bucket);
    }

    /// <summary>The problems of a list of branches: at least two, percentages above 0 adding up to 100, a port name each.</summary>
    public static IEnumerable<(string Field, string Message)> Check(IReadOnlyList<SplitBranch> branches, string field)
    {
        ArgumentNullException.ThrowIfNull(branches);
        if (branches.Count < 2)
        {
            yield return (field, "a split needs at least two branches");
            yield break;
        }

        if (Math.Abs(branches.Sum(b => b.Percent) - 100) > 0.001)
        {
            yield return (field, $"percentages add up to {branches.Sum(b => b.Percent)}, not 100");
        }

        if (branches.Any(b => b.Percent <= 0))
        {
            yield return (field, "every branch needs a percentage above 0");
        }

        if (branches.Any(b => string.IsNullOrWhiteSpace(b.Port)) || branches.Select(b => b.Port).Distinct(StringComparer.Ordinal).Count() != branches.Count)
        {
            yield return (field, "every branch needs its own port name");
        }
    }

    /// <summary>0 ≤ bucket &lt; 100.</summary>
    public static double Bucket(string key) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))) % 10_000 / 100.0;
}
