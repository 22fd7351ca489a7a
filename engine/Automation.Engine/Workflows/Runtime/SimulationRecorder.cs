namespace Automation.Engine.Workflows.Runtime;

/// <summary>Collects what a dry run saw: customers per activity and port, actions that would leave, their cost.</summary>
public sealed class SimulationRecorder
{
    private const int SamplesPerPort = 5;

    public Dictionary<string, int> Entered { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, int>> Ports { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (int Count, decimal Cost)> Actions { get; } = new(StringComparer.Ordinal);

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

    public void RecordAction(string actionType, decimal cost)
    {
        var (count, total) = Actions.GetValueOrDefault(actionType);
        Actions[actionType] = (count + 1, total + cost);
    }
}
