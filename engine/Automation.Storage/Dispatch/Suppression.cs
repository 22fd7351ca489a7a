namespace Automation.Storage.Dispatch;

/// <summary>
/// An entry on the suppression list: an email address or a customer id that no email may reach, whatever the
/// profile says, until someone removes the entry. Exactly one of AddressHash and CustomerIdHash is set; entries are
/// matched by these salted hashes, so an entry keeps holding after its owner is erased and Address or CustomerId,
/// kept only to show the entry, are cleared.
/// </summary>
public sealed class Suppression
{
    public Guid Id { get; set; }

    /// <summary>Lower-case email address.</summary>
    public string? Address { get; set; }

    public string? CustomerId { get; set; }

    /// <summary>Salted hash of the lower-case address (see CustomerPseudonyms).</summary>
    public string? AddressHash { get; set; }

    /// <summary>Salted hash of the customer id.</summary>
    public string? CustomerIdHash { get; set; }

    public string Reason { get; set; } = "";

    public required string AddedBy { get; set; }

    public DateTime AddedAt { get; set; }
}
