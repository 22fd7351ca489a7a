namespace Automation.Storage.Dispatch;

/// <summary>
/// An entry on the suppression list: an email address or a customer id that no email may reach, whatever the
/// profile says, until someone removes the entry. Exactly one of Address and CustomerId is set.
/// </summary>
public sealed class Suppression
{
    public Guid Id { get; set; }

    /// <summary>Lower-case email address.</summary>
    public string? Address { get; set; }

    public string? CustomerId { get; set; }

    public string Reason { get; set; } = "";

    public required string AddedBy { get; set; }

    public DateTime AddedAt { get; set; }
}
