using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>One activity type's behavior. Instances are stateless; state lives on the workflow instance.</summary>
public interface IActivity
{
    Task<ActivityOutcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Problems with an activity's settings, for the definition validator: (field, message).</summary>
    IEnumerable<(string Field, string Message)> Validate(ActivityDefinition activity, ValidationServices services);

    /// <summary>The ports this node can leave by (a split's ports come from its branches).</summary>
    IReadOnlyList<string> PortsOf(ActivityDefinition activity, ValidationServices services);

    /// <summary>The JSON schema of the node's settings, for the designer's properties form.</summary>
    Type SettingsType { get; }
}
