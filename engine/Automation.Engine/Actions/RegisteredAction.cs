using Automation.Plugins.Sdk;

namespace Automation.Engine.Actions;

/// <summary>An action type as the engine knows it: the plugin's descriptor and the plugin that carries it out.</summary>
public sealed record RegisteredAction(ActionDescriptor Descriptor, string Plugin)
{
    public string Type => Descriptor.Type;

    /// <summary>The queue the action's consumer listens on.</summary>
    public string Queue => QueueName(Descriptor.Type);

    public static string QueueName(string actionType) => $"action-{actionType}";
}
