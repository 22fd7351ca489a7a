using System.Globalization;
using System.Text;

namespace Automation.Storage.Sqlite;

/// <summary>
/// One reusable buffer a row's values are written into as UTF-8 just before each is bound to a statement (SQLite copies
/// a value as it is bound, so the next value may reuse the space). Values are written as the provider stores them.
/// </summary>
internal sealed class Utf8Scratch
{
    private byte[]? buffer;

    /// <summary>The text as UTF-8, valid until the next call.</summary>
    public ReadOnlySpan<byte> Text(string text)
    {
        var span = Room(Encoding.UTF8.GetMaxByteCount(text.Length));
        return span[..Encoding.UTF8.GetBytes(text, span)];
    }

    /// <summary>The date as <see cref="SqliteDates.Format"/> writes it, valid until the next call.</summary>
    public ReadOnlySpan<byte> Date(DateTime utc)
    {
        var span = Room(64);
        return utc.TryFormat(span, out var written, SqliteDates.Format, CultureInfo.InvariantCulture)
            ? span[..written]
            : throw new InvalidOperationException("a stored date did not fit its buffer");
    }

    /// <summary>The decimal in the invariant culture and the given format (none: its exact text), valid until the next call.</summary>
    public ReadOnlySpan<byte> Decimal(decimal value, string? format = null)
    {
        var span = Room(64);
        return value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture)
            ? span[..written]
            : throw new InvalidOperationException("a stored decimal did not fit its buffer");
    }

    private Span<byte> Room(int bytes)
    {
        if (buffer is null || buffer.Length < bytes)
        {
            buffer = new byte[Math.Max(bytes, 1024)];
        }

        return buffer;
    }
}
