using Automation.Storage.Dispatch;

namespace Automation.Host.Api;

/// <summary>
/// A suppression as the API shows it: the hashes it is matched by stay inside. Address and CustomerId are null once
/// the customer they belonged to was erased; the entry still holds.
/// </summary>
public sealed record SuppressionView(Guid Id, string? Address, string? CustomerId, string Reason, string AddedBy, DateTime AddedAt)
{
    public static SuppressionView Of(Suppression entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new SuppressionView(entry.Id, entry.Address, entry.CustomerId, entry.Reason, entry.AddedBy, entry.AddedAt);
    }
}
