namespace Automation.Host.Access;

/// <summary>The roles a signed-in person needs for a policy, and the API key scope that passes it too (null: no key does).</summary>
public sealed record PolicyHolder(IReadOnlyList<string> Roles, string? KeyScope);
