using System.Reflection;
using System.Text.Json;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>Base for activities with typed settings read from the definition.</summary>
public abstract class Activity<TSettings> : IActivity
    where TSettings : new()
{
    public Type SettingsType => typeof(TSettings);

    public Task<ActivityOutcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context, context.Activity.Read<TSettings>(), cancellationToken);
    }

    public IEnumerable<(string Field, string Message)> Validate(ActivityDefinition activity, ValidationServices services)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TSettings settings;
        try
        {
            settings = activity.Read<TSettings>();
        }
        catch (JsonException ex)
        {
            return [("", $"settings do not match {typeof(TSettings).Name}: {ex.Message}")];
        }

        return Validate(settings, services);
    }

    public IReadOnlyList<string> PortsOf(ActivityDefinition activity, ValidationServices services)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            return Ports(activity.Read<TSettings>(), services) ?? DeclaredPorts;
        }
        catch (JsonException)
        {
            return DeclaredPorts;
        }
    }

    private IReadOnlyList<string> DeclaredPorts => GetType().GetCustomAttribute<ActivityAttribute>()?.Ports ?? ["done"];

    protected abstract Task<ActivityOutcome> ExecuteAsync(ActivityContext context, TSettings settings, CancellationToken cancellationToken);

    protected virtual IEnumerable<(string Field, string Message)> Validate(TSettings settings, ValidationServices services) => [];

    /// <summary>Ports that depend on the settings; null means the declared ones.</summary>
    protected virtual IReadOnlyList<string>? Ports(TSettings settings, ValidationServices services) => null;
}
