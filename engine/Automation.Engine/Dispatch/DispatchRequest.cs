using System.Text.Json;
using Automation.Plugins.Sdk;
using Automation.Storage.Profiles;

namespace Automation.Engine.Dispatch;

/// <summary>An action a workflow step asks for, before the guards have looked at it.</summary>
public sealed record DispatchRequest(
    string ActionType,
    JsonElement Input,
    string CustomerId,
    CustomerProfile? Profile,
    string IdempotencyKey,
    ActionContext Context,
    Guid? InstanceId = null,
    string? ActivityId = null);
