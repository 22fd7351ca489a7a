using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Privacy;

/// <summary>How addresses are compared on the suppression list: trimmed and lower-case, by salted hash.</summary>
public static class Suppressions
{
    public static string? Normalize(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : address.Trim().ToLowerInvariant();

    /// <summary>Gives entries made before suppressions were matched by hash their hashes (once, at start-up).</summary>
    public static async Task HashUnhashedAsync(AutomationDbContext db, CustomerPseudonyms pseudonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pseudonyms);
        var unhashed = await db.Suppressions.Where(s => s.AddressHash == null && s.CustomerIdHash == null).ToListAsync(cancellationToken);
        foreach (var entry in unhashed)
        {
            if (Normalize(entry.Address) is { } address)
            {
                entry.AddressHash = await pseudonyms.AddressHashAsync(db, address, cancellationToken);
            }
            else if (entry.CustomerId is { } customerId)
            {
                entry.CustomerIdHash = await pseudonyms.CustomerHashAsync(db, customerId, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
