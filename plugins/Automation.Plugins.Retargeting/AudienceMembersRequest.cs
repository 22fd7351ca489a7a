namespace Automation.Plugins.Retargeting;

/// <summary>The body of an audience API call: a batch of hashed members plus the key that makes a resend harmless.</summary>
public sealed record AudienceMembersRequest(
    IReadOnlyList<string> Schema,
    IReadOnlyList<IReadOnlyList<string>> Data,
    string IdempotencyKey);
