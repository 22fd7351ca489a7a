using System.Text.Json;

namespace Automation.Plugins.Sdk;

/// <summary>One dispatch as a handler sees it.</summary>
/// <param name="ActionId">The action's id in the dispatch log.</param>
/// <param name="IdempotencyKey">Same for every attempt of this action; pass it on to external APIs that accept one.</param>
/// <param name="Customer">Who the action is for.</param>
/// <param name="Input">The activity's input, validated against the action's schema.</param>
/// <param name="Context">Why it happens: workflow, version, segment, reason codes.</param>
/// <param name="Attempt">1 on the first try.</param>
public sealed record ActionRequest(
    Guid ActionId,
    string ActionType,
    string IdempotencyKey,
    CustomerSnapshot Customer,
    JsonElement Input,
    ActionContext Context,
    int Attempt);
