using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Automation.Plugins.Retargeting;

/// <summary>
/// Normalizes contact details the way ad platforms do before hashing, so the same person hashes to the same key
/// on both sides; a key that is normalized differently simply never matches.
/// </summary>
public static class MatchKeys
{
    private static readonly SearchValues<char> ExtensionStart = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ#");

    /// <summary>Trimmed and lower-cased; for Gmail, without dots and +tags, which Gmail ignores when delivering.</summary>
    /// <returns>The normalized address, or null when it is not an address.</returns>
    public static string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var address = email.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.AsSpan(0, at).Contains('@') || address.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (domain is "gmail.com" or "googlemail.com")
        {
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            local = (plus >= 0 ? local[..plus] : local).Replace(".", "", StringComparison.Ordinal);
            if (local.Length == 0)
            {
                return null;
            }
        }

        return $"{local}@{domain}";
    }

    /// <summary>
    /// The E.164 number as digits only (country code first, no "+", no formatting), e.g. "+1 (415) 555-0123" → "14155550123".
    /// A number without "+" or "00" gets <paramref name="defaultCountryCode"/> in place of its trunk "0"; without a
    /// default it is taken to carry its country code already.
    /// </summary>
    /// <returns>The digits, or null when they cannot be an E.164 number (7 to 15 digits, not starting with 0).</returns>
    public static string? NormalizePhone(string? phone, string? defaultCountryCode = null)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var text = phone.Trim();

        // "ext. 12" or "x12" is an extension, not part of the number.
        var letter = text.AsSpan().IndexOfAny(ExtensionStart);
        if (letter >= 0)
        {
            text = text[..letter];
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        string e164;
        if (text.StartsWith('+'))
        {
            e164 = digits;
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            e164 = digits[2..];
        }
        else if (!string.IsNullOrWhiteSpace(defaultCountryCode))
        {
            e164 = new string([.. defaultCountryCode.Where(char.IsAsciiDigit)]) + digits.TrimStart('0');
        }
        else
        {
            e164 = digits;
        }

        return e164.Length is >= 7 and <= 15 && e164[0] != '0' ? e164 : null;
    }

    /// <summary>SHA-256 of the UTF-8 text, as lower-case hex: what audience APIs expect for *_SHA256 columns.</summary>
    public static string Sha256Hex(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
