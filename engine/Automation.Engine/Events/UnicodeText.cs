using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Automation.Engine.Events;

/// <summary>
/// Whether text is well-formed Unicode: UTF-8 without invalid bytes, UTF-16 without an unpaired surrogate, JSON
/// without a <c>\uD800</c>-style escape of one. Such text cannot be read back as a string, so an event carrying it
/// would fail every later step that reads it. Nor may it hold U+0000: PostgreSQL's text cannot store it, so a trait
/// carrying one would fail every write of its batch.
/// </summary>
public static class UnicodeText
{
    /// <summary>The reason the validator gives, naming both ways the text can be broken.</summary>
    public const string Requirement = "must be valid Unicode text (no invalid UTF-8 bytes, no unpaired surrogate such as \\ud800 and no \\u0000)";

    public static bool IsWellFormed(string? text)
    {
        if (text is null)
        {
            return true;
        }

        var span = text.AsSpan();
        if (span.Contains('\0'))
        {
            return false;
        }

        var at = span.IndexOfAnyInRange('\ud800', '\udfff');
        while (at >= 0)
        {
            if (!char.IsHighSurrogate(span[at]) || at + 1 >= span.Length || !char.IsLowSurrogate(span[at + 1]))
            {
                return false;
            }

            span = span[(at + 2)..];
            at = span.IndexOfAnyInRange('\ud800', '\udfff');
        }

        return true;
    }

    /// <summary>Raw JSON (as sent) whose strings and names all read as text: valid UTF-8, every <c>\u</c> surrogate escape paired.</summary>
    public static bool IsWellFormedJson(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        // A backslash only occurs inside strings; most properties have none.
        var at = json.IndexOf((byte)'\\');
        while (at >= 0)
        {
            json = json[(at + 1)..];
            if (json.IsEmpty)
            {
                return false;
            }

            if (json[0] == 'u')
            {
                if (!TryEscapedUnit(json, out var unit) || unit == '\0')
                {
                    return false;
                }

                if (char.IsSurrogate(unit))
                {
                    if (!char.IsHighSurrogate(unit) || json.Length < 7 || json[5] != '\\' || !TryEscapedUnit(json[6..], out var low) || !char.IsLowSurrogate(low))
                    {
                        return false;
                    }

                    json = json[6..];
                }
            }

            // Skips the escaped character, so that "\\" does not start another escape.
            json = json[1..];
            at = json.IndexOf((byte)'\\');
        }

        return true;
    }

    /// <summary>
    /// A JSON string token's text (<paramref name="token"/> with its quotes, as sent) for one that the JSON reader
    /// refuses to turn into a string: each byte that is not UTF-8 becomes a lone surrogate (U+DC80 + byte, as Python's
    /// surrogateescape) and escapes are read as written, so the result keeps the defect for the validator to name.
    /// </summary>
    public static string DecodeLeniently(ReadOnlySpan<byte> token)
    {
        var s = token.Length >= 2 && token[0] == '"' && token[^1] == '"' ? token[1..^1] : token;
        var text = new StringBuilder(s.Length);
        while (!s.IsEmpty)
        {
            if (s[0] == '\\' && s.Length >= 2)
            {
                if (s[1] == 'u' && TryEscapedUnit(s[1..], out var unit))
                {
                    text.Append(unit);
                    s = s[6..];
                    continue;
                }

                text.Append(s[1] switch { (byte)'b' => '\b', (byte)'f' => '\f', (byte)'n' => '\n', (byte)'r' => '\r', (byte)'t' => '\t', var c => (char)c });
                s = s[2..];
                continue;
            }

            if (Rune.DecodeFromUtf8(s, out var rune, out var consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                for (var i = 0; i < consumed; i++)
                {
                    text.Append((char)(0xDC00 + s[i]));
                }
            }

            s = s[Math.Max(consumed, 1)..];
        }

        return text.ToString();
    }

    /// <summary>The code unit of "uXXXX" at the start of <paramref name="escape"/>.</summary>
    private static bool TryEscapedUnit(ReadOnlySpan<byte> escape, out char unit)
    {
        unit = '\0';
        if (escape.Length < 5 || escape[0] != 'u'
            || !ushort.TryParse(escape.Slice(1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
