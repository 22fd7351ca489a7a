namespace Automation.Engine.Workflows.Runtime;

/// <summary>Collects what a dry run saw: customers per activity and port, actions that would leave, their cost.</summary>
public sealed class SimulationRecorder
{
    private const int SamplesPerPort = 5;

    public Dictionary<string, int> Entered { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, int>> Ports { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (int Count, decimal Cost, int NeedingApproval)> Actions { get; } = new(StringComparer.Ordinal);

    /// <summary>Approval requests the run would have raised: budget-affecting actions and explicit approval steps.</summary>
    public int ApprovalsNeeded { get; private set; }

    public Dictionary<string, List<string>> Samples { get; } = new(StringComparer.Ordinal);

    public void RecordEntered(string activityId) => Entered[activityId] = Entered.GetValueOrDefault(activityId) + 1;

    public void RecordPort(string activityId, string port, string customerId)
    {
        if (!Ports.TryGetValue(activityId, out var ports))
        {
            Ports[activityId] = ports = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        ports[port] = ports.GetValueOrDefault(port) + 1;
        var key = $"{activityId}:{port}";
        if (!Samples.TryGetValue(key, out var samples))
        {
            Samples[key] = samples = [];
        }

        if (samples.Count < SamplesPerPort)
        {
            samples.Add(customerId);
        }
    }

    public void RecordAction(string actionType, decimal cost, bool needsApproval)
    {
        var (count, total, approvals) = Actions.GetValueOrDefault(actionType);
        Actions[actionType] = (count + 1, total + cost, approvals + (needsApproval ? 1 : 0));
        if (needsApproval)
        {
            ApprovalsNeeded++;
        }
    }

    public void RecordApprovalStep() => ApprovalsNeeded++;
}
