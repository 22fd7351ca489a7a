using System.Security.Cryptography;
using System.Text;

namespace Automation.Host.Access;

public static class ApiKeys
{
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Create() => "ak_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    /// <summary>How the API names a key (to relabel or revoke it): the start of its hash, which says nothing of the key.</summary>
    public static string IdOf(string keyHash) => keyHash[..16].ToLowerInvariant();
}
