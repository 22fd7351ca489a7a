namespace Automation.Storage.Privacy;

/// <summary>
/// A value the engine generates once and every process of it shares, such as the salt of the pseudonyms that stand
/// for erased customers and suppressed addresses: kept in the database so that all processes hash alike.
/// </summary>
public sealed class EngineSecret
{
    /// <summary>The salt of customer pseudonyms and suppression hashes.</summary>
    public const string PseudonymSalt = "pseudonym-salt";

    public required string Name { get; set; }

    public required string Value { get; set; }
}
