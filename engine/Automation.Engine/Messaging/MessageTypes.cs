using System.Text.Json;
using Automation.Plugins.Sdk.Contracts;

namespace Automation.Engine.Messaging;

/// <summary>The contracts the outbox can carry, by name; nothing else is ever deserialized from it.</summary>
public static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(DispatchAction), typeof(ActionCompleted), typeof(ActionFailed), typeof(SegmentEntered),
        typeof(SegmentExited), typeof(ScoreThresholdCrossed), typeof(BehaviorEventsSubmitted),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ByName.ContainsKey(type.Name) ? type.Name : throw new ArgumentException($"{type.Name} is not an outbox contract", nameof(type));
    }

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"unknown outbox message type '{name}'");
}
