using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;
using Ganss.Xss;

namespace Automation.Engine.Content;

/// <summary>
/// A template's HTML body sanitized and CSS-inlined once, with a slot where each placeholder goes: a send to a whole
/// segment filled it per customer instead of parsing, inlining and sanitizing the same document ten thousand times
/// (over a third of the dispatch path's CPU). Only used where the result is provably the full render's, character for
/// character: a template of plain <c>{{ name }}</c> placeholders, each in text or as a whole quoted attribute value,
/// whose structure does not depend on the values (checked against a render with every value empty); and per customer
/// only values that the parser cannot read differently from text (no control characters, no whitespace at either
/// end). An attribute value still goes through the sanitizer, alone. Anything else renders in full.
/// </summary>
public sealed partial class MailSkeleton
{
    private const int MaxKept = 256;

    private static readonly ConcurrentDictionary<string, MailSkeleton?> Kept = new(StringComparer.Ordinal);

    // Liquid words that are literals, not placeholders.
    private static readonly HashSet<string> Literals = new(StringComparer.OrdinalIgnoreCase) { "empty", "blank", "nil", "null", "true", "false" };

    // Elements whose text the serializer writes unescaped; a slot in one would need other rules.
    private static readonly string[] RawTextElements = ["<script", "<style", "<xmp", "<iframe", "<noembed", "<noframes", "<plaintext", "<noscript"];

    [ThreadStatic]
    private static HtmlSanitizer? attributeSanitizer;

    private readonly IReadOnlyList<string> literals;
    private readonly IReadOnlyList<Slot> slots;

    private MailSkeleton(IReadOnlyList<string> names, IReadOnlyList<string> literals, IReadOnlyList<Slot> slots)
    {
        Names = names;
        this.literals = literals;
        this.slots = slots;
    }

    /// <summary>The placeholders the body uses.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The skeleton of an HTML body's Liquid source, or null when it must render in full.</summary>
    public static MailSkeleton? Of(string source)
    {
        if (Kept.TryGetValue(source, out var kept))
        {
            return kept;
        }

        if (Kept.Count >= MaxKept)
        {
            Kept.Clear(); // edited templates leave their old sources behind; a send rebuilds what it uses
        }

        return Kept[source] = Build(source);
    }

    /// <summary>The sanitized, inlined body for these values (without the preheader), or null when this customer's must render in full.</summary>
    public string? Fill(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in Names)
        {
            // Liquid looks names up ignoring case: a second key differing only in case could be the one it finds.
            if (!values.TryGetValue(name, out var value) || !IsPlainText(value) || values.Keys.Count(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) != 1)
            {
                return null;
            }
        }

        var html = new StringBuilder(literals.Sum(l => l.Length) + 256);
        for (var i = 0; i < slots.Count; i++)
        {
            html.Append(literals[i]);
            var value = values[slots[i].Name];
            if (slots[i].Attribute is { } attribute)
            {
                if (SanitizedAttribute(attribute, value) is not { } safe)
                {
                    return null;
                }

                html.Append(safe);
            }
            else
            {
                AppendText(html, value);
            }
        }

        return html.Append(literals[^1]).ToString();
    }

    private static MailSkeleton? Build(string source)
    {
        if (PlainPlaceholders(source) is not { Count: > 0 } names)
        {
            return null;
        }

        var token = "q" + Guid.NewGuid().ToString("N");
        var markers = names.Select((n, i) => (Name: n, Marker: $"{token}x{i}y")).ToList();
        string marked;
        string skeleton;
        string empty;
        try
        {
            marked = EmailTemplateRenderer.RenderHtml(source, markers.ToDictionary(m => m.Name, m => m.Marker, StringComparer.Ordinal));
            skeleton = EmailTemplateRenderer.MailHtml(marked, "");
            empty = EmailTemplateRenderer.MailHtml(EmailTemplateRenderer.RenderHtml(source, names.ToDictionary(n => n, _ => "", StringComparer.Ordinal)), "");
        }
        catch (EmailTemplateException)
        {
            return null; // the full render says what is wrong
        }

        if (RawTextElements.Any(e => skeleton.Contains(e, StringComparison.OrdinalIgnoreCase)) || (marked.Contains('[', StringComparison.Ordinal) && HasStyleSheet(marked)))
        {
            return null; // attribute selectors in the CSS could style a value, not a marker
        }

        // Every marker made it through, once per output tag, and the document is the same with the values empty.
        if (markers.Any(m => Count(skeleton, m.Marker) != Count(marked, m.Marker))
            || empty != markers.Aggregate(skeleton, (s, m) => s.Replace(m.Marker, "", StringComparison.Ordinal)))
        {
            return null;
        }

        var literals = new List<string>();
        var slots = new List<Slot>();
        var byMarker = markers.ToDictionary(m => m.Marker, m => m.Name, StringComparer.Ordinal);
        var last = 0;
        foreach (var (at, inTag) in MarkerPositions(skeleton, token))
        {
            var end = skeleton.IndexOf('y', at) + 1;
            var name = byMarker[skeleton[at..end]];
            string? attribute = null;
            if (inTag)
            {
                // Only a whole double-quoted value: name="marker".
                if (at < 2 || skeleton[at - 1] != '"' || skeleton[at - 2] != '=' || end >= skeleton.Length || skeleton[end] != '"')
                {
                    return null;
                }

                var start = skeleton.LastIndexOf(' ', at - 2) + 1;
                attribute = skeleton[start..(at - 2)];
                if (!AttributeName().IsMatch(attribute))
                {
                    return null;
                }
            }

            literals.Add(skeleton[last..at]);
            slots.Add(new Slot(name, attribute));
            last = end;
        }

        literals.Add(skeleton[last..]);
        return new MailSkeleton(names, literals, slots);
    }

    /// <summary>The placeholders of a source made only of text and <c>{{ name }}</c> outputs; null when it has anything else.</summary>
    private static List<string>? PlainPlaceholders(string source)
    {
        var names = new List<string>();
        var rest = Placeholder().Replace(source, m =>
        {
            names.Add(m.Groups["name"].Value);
            return "";
        });
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("{%", StringComparison.Ordinal) || names.Any(Literals.Contains))
        {
            return null;
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Where each marker starts in the serialized document, and whether it is inside a tag (an attribute value).</summary>
    private static List<(int At, bool InTag)> MarkerPositions(string html, string token)
    {
        var found = new List<(int, bool)>();
        var inTag = false;
        var quote = '\0';
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == token[0] && string.CompareOrdinal(html, i, token, 0, token.Length) == 0)
            {
                found.Add((i, inTag));
                i += token.Length - 1;
            }
            else if (!inTag && c == '<')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
                {
                    var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = close < 0 ? html.Length : close + 2;
                }
                else
                {
                    inTag = true;
                }
            }
            else if (inTag && quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (inTag && c == quote)
            {
                quote = '\0';
            }
            else if (inTag && quote == '\0' && c == '>')
            {
                inTag = false;
            }
        }

        return found;
    }

    /// <summary>Text the HTML parser reads as the same characters wherever it stands, as the full render's encoder wrote it.</summary>
    private static bool IsPlainText(string value)
    {
        if (value.Length > 0 && (IsHtmlSpace(value[0]) || IsHtmlSpace(value[^1])))
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c < ' ' && c is not '\t' and not '\n') || c is >= '\u007f' and <= '\u009f' || c is >= '\ufdd0' and <= '\ufdef' || c is '\ufffe' or '\uffff')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>Text as the serializer escapes it.</summary>
    private static void AppendText(StringBuilder html, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '\u00a0' => html.Append("&nbsp;"),
                _ => html.Append(c),
            };
        }
    }

    /// <summary>The attribute's value as the sanitizer leaves it (URL schemes checked), serialized; null when it would drop it.</summary>
    private static string? SanitizedAttribute(string attribute, string value)
    {
        var sanitizer = attributeSanitizer ??= EmailTemplateRenderer.Sanitizer();
        var fragment = sanitizer.Sanitize($"<a {attribute}=\"{HtmlEncoder.Default.Encode(value)}\"></a>");
        var open = $" {attribute}=\"";
        var start = fragment.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = fragment.IndexOf('"', start);
        return end < 0 ? null : fragment[start..end];
    }

    private static bool HasStyleSheet(string html) => html.Contains("<style", StringComparison.OrdinalIgnoreCase);

    private static int Count(string text, string marker)
    {
        var n = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [GeneratedRegex(@"\{\{-?\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][a-z0-9_:-]*$")]
    private static partial Regex AttributeName();

    private sealed record Slot(string Name, string? Attribute);
}
