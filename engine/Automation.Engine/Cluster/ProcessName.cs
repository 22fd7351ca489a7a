namespace Automation.Engine.Cluster;

/// <summary>How an engine process is named to operators: machine and process id.</summary>
public static class ProcessName
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
