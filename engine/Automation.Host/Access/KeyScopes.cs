namespace Automation.Host.Access;

/// <summary>What an API key may do: ingest events, or read aggregate reports. Neither reads a person's data.</summary>
public static class KeyScopes
{
    public const string Ingest = "ingest";
    public const string Reporting = "reporting";

    /// <summary>The claim an API key's identity carries its scope in.</summary>
    public const string Claim = "key_scope";

    public static IReadOnlyList<string> All { get; } = [Ingest, Reporting];
}
