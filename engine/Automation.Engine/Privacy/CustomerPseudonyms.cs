using System.Security.Cryptography;
using System.Text;
using Automation.Storage;
using Automation.Storage.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Privacy;

/// <summary>
/// Salted hashes (HMAC-SHA256) of customer ids and email addresses: what erased customers' records keep instead of
/// the id, and what the suppression list matches on, so that neither needs the value itself. The salt is generated
/// once and kept in the database (<see cref="EngineSecret.PseudonymSalt"/>), the same for every engine process;
/// without it a hash cannot be tested against a guessed address.
/// </summary>
public sealed class CustomerPseudonyms
{
    private byte[]? salt;

    /// <summary>Hash of a customer id, as suppressions by customer store it.</summary>
    public async ValueTask<string> CustomerHashAsync(AutomationDbContext db, string customerId, CancellationToken cancellationToken) =>
        Hash(await SaltAsync(db, cancellationToken), "customer:" + customerId);

    /// <summary>Hash of a normalized (trimmed, lower-case) email address, as suppressions by address store it.</summary>
    public async ValueTask<string> AddressHashAsync(AutomationDbContext db, string normalizedAddress, CancellationToken cancellationToken) =>
        Hash(await SaltAsync(db, cancellationToken), "email:" + normalizedAddress);

    /// <summary>The id an erased customer's remaining records carry: stable per customer, so counts and paths still add up.</summary>
    public async ValueTask<string> PseudonymAsync(AutomationDbContext db, string customerId, CancellationToken cancellationToken) =>
        "erased-" + (await CustomerHashAsync(db, customerId, cancellationToken))[..32];

    /// <summary>
    /// The salt, read once; on a database without one it is generated and stored. A salt this call inserted is not
    /// remembered until it is read back, so that one lost with a rolled-back transaction is never used again.
    /// </summary>
    public async ValueTask<byte[]> SaltAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (salt is { } known)
        {
            return known;
        }

        var stored = await db.Secrets.AsNoTracking().Where(s => s.Name == EngineSecret.PseudonymSalt).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return salt = Convert.FromHexString(stored);
        }

        var fresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var name = EngineSecret.PseudonymSalt;

        // Another process may store one at the same moment: the first one stays, and both use it.
        await db.Database.ExecuteSqlAsync($"""INSERT INTO engine_secrets ("Name","Value") VALUES ({name},{fresh}) ON CONFLICT ("Name") DO NOTHING""", cancellationToken);
        stored = await db.Secrets.AsNoTracking().Where(s => s.Name == EngineSecret.PseudonymSalt).Select(s => s.Value).FirstAsync(cancellationToken);
        return Convert.FromHexString(stored);
    }

    private static string Hash(byte[] key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
