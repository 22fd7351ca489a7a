using System.Text.Json;

namespace Automation.Plugins.Sdk;

/// <summary>One dispatch as a handler sees it.</summary>
/// <param name="ActionId">The action's id in the dispatch log.</param>
/// <param name="IdempotencyKey">
/// Same for every attempt and every re-send of this action, and never used by another action: pass it on to external
/// APIs that accept one (an <c>Idempotency-Key</c> header), so a repeat after a crash is dropped by the receiver.
/// </param>
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
    int Attempt)
{
    /// <summary>
    /// An email Message-ID for this action (without angle brackets): the action id at the sender's domain, the same on
    /// every attempt and re-send, so mail systems that drop repeated Message-IDs drop a repeat.
    /// </summary>
    public string EmailMessageId(string fromAddress)
    {
        var at = fromAddress?.LastIndexOf('@') ?? -1;
        var domain = at >= 0 && at < fromAddress!.Length - 1 ? fromAddress[(at + 1)..].Trim('>', ' ') : "automation.local";
        return $"{ActionId}@{domain}";
    }
}
