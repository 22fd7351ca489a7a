using System.Collections.Concurrent;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Actions;

/// <summary>Every action type the loaded plugins declare; filled by the plugin loader at start-up.</summary>
public sealed class ActionCatalog
{
    private readonly ConcurrentDictionary<string, RegisteredAction> actions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RegisteredAction> All => actions.Values.OrderBy(a => a.Type, StringComparer.Ordinal).ToList();

    /// <summary>Adds an action type; false when another plugin already declared it (the first one wins).</summary>
    public bool Register(string plugin, ActionDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return actions.TryAdd(descriptor.Type, new RegisteredAction(descriptor, plugin));
    }

    public bool TryGet(string? actionType, out RegisteredAction action)
    {
        if (actionType is not null && actions.TryGetValue(actionType, out var found))
        {
            action = found;
            return true;
        }

        action = null!;
        return false;
    }
}
