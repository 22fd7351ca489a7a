using System.Text.Json;
using Automation.Plugins.Sdk;
using Automation.Storage.Profiles;

namespace Automation.Engine.Actions;

/// <summary>An action a workflow step asks for, before the guards have looked at it.</summary>
/// <param name="FromNewInstance">The asking instance is not stored yet, so no earlier action can carry its key: the look-up is skipped.</param>
public sealed record DispatchRequest(
    string ActionType,
    JsonElement Input,
    string CustomerId,
    CustomerProfile? Profile,
    string IdempotencyKey,
    ActionContext Context,
    Guid? InstanceId = null,
    string? ActivityId = null,
    bool FromNewInstance = false);
