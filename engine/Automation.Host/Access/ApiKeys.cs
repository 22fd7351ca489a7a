using System.Security.Cryptography;
using System.Text;

namespace Automation.Host.Access;

public static class ApiKeys
{
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Create() => "ak_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
}
