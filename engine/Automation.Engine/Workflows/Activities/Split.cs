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
        // A stable hash of customer + workflow + node: reruns and simulations put a customer in the same branch.
        var bucket = Bucket($"{context.Instance.CustomerId}|{context.Definition.Id}|{context.Activity.Id}");
        var port = settings.Branches[^1].Port;
        var total = 0.0;
        foreach (var branch in settings.Branches)
        {
            total += branch.Percent;
            if (bucket < total)
            {
                port = branch.Port;
                break;
            }
        }

        context.Instance.Branch = port;
        return Task.FromResult(ActivityOutcome.Continue(port, $"branch {port} (bucket {bucket:0.00})"));
    }

    protected override IReadOnlyList<string>? Ports(SplitSettings settings, ValidationServices services) =>
        settings.Branches.Count == 0 ? null : settings.Branches.Select(b => b.Port).ToList();

    protected override IEnumerable<(string Field, string Message)> Validate(SplitSettings settings, ValidationServices services)
    {
        if (settings.Branches.Count < 2)
        {
            yield return ("branches", "a split needs at least two branches");
            yield break;
        }

        if (Math.Abs(settings.Branches.Sum(b => b.Percent) - 100) > 0.001)
        {
            yield return ("branches", $"percentages add up to {settings.Branches.Sum(b => b.Percent)}, not 100");
        }

        if (settings.Branches.Any(b => b.Percent <= 0))
        {
            yield return ("branches", "every branch needs a percentage above 0");
        }

        if (settings.Branches.Any(b => string.IsNullOrWhiteSpace(b.Port)) || settings.Branches.Select(b => b.Port).Distinct(StringComparer.Ordinal).Count() != settings.Branches.Count)
        {
            yield return ("branches", "every branch needs its own port name");
        }
    }

    /// <summary>0 ≤ bucket &lt; 100.</summary>
    public static double Bucket(string key) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key))) % 10_000 / 100.0;
}
