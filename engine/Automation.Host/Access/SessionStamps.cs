using System.Security.Cryptography;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Automation.Host.Access;

/// <summary>
/// Each account's current security stamp; a session cookie carries the stamp it was issued with and ends when the
/// account's stamp moves on. Read through a short cache so a request costs no query; this process forgets a stamp
/// it changes at once, other processes within <see cref="CacheFor"/>.
/// </summary>
public sealed class SessionStamps(IDbContextFactory<AutomationDbContext> databases, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task<bool> IsCurrentAsync(string email, string stamp, CancellationToken cancellationToken)
    {
        var current = await cache.GetOrCreateAsync(Key(email), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        });
        return current is not null && string.Equals(current, stamp, StringComparison.Ordinal);
    }

    /// <summary>Call after saving a new stamp, so this process refuses the old sessions from the next request.</summary>
    public void Forget(string email) => cache.Remove(Key(email));

    private static string Key(string email) => "session-stamp:" + email.ToLowerInvariant();
}
