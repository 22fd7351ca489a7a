using Automation.Storage.Access;
using Microsoft.AspNetCore.Identity;

namespace Automation.Host.Access;

/// <summary>
/// Checks a password so that an unknown email costs the same hashing as a known one: the answer's timing does not
/// tell which addresses have an account.
/// </summary>
public sealed class PasswordCheck(IPasswordHasher<UserAccount> hasher)
{
    private static readonly UserAccount Nobody = new() { Email = "", DisplayName = "", PasswordHash = "", Roles = "" };
    private readonly Lazy<string> dummyHash = new(() => hasher.HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    public bool Verify(UserAccount? user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, dummyHash.Value, password);
            return false;
        }

        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>Hashes the dummy password at start-up, so the first unknown email is not slower than the rest.</summary>
    public void Warm() => _ = dummyHash.Value;
}
