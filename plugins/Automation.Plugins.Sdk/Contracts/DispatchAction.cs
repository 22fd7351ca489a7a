using System.Text.Json;

namespace Automation.Plugins.Sdk.Contracts;

/// <summary>Command: carry out an action. Sent to the action type's own queue ("action-{type}").</summary>
public sealed record DispatchAction(
    Guid ActionId,
    string ActionType,
    string IdempotencyKey,
    CustomerSnapshot Customer,
    JsonElement Input,
    ActionContext Context);
