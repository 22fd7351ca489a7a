using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Automation.Engine.Content;

/// <summary>The text scanning behind <see cref="MailSkeleton"/>: which sources qualify, where its markers landed, and how a value is written.</summary>
internal static partial class MailSkeletonText
{
    // Liquid words that are literals, not placeholders.
    private static readonly HashSet<string> Literals = new(StringComparer.OrdinalIgnoreCase) { "empty", "blank", "nil", "null", "true", "false" };

    [ThreadStatic]
    private static HtmlSanitizer? attributeSanitizer;

    /// <summary>The placeholders of a source made only of text and <c>{{ name }}</c> outputs; null when it has anything else.</summary>
    internal static List<string>? PlainPlaceholders(string source)
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
    internal static List<(int At, bool InTag)> MarkerPositions(string html, string token)
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
    internal static bool IsPlainText(string value)
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
    internal static void AppendText(StringBuilder html, string value)
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
    internal static string? SanitizedAttribute(string attribute, string value)
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

    internal static bool HasStyleSheet(string html) => html.Contains("<style", StringComparison.OrdinalIgnoreCase);

    internal static int Count(string text, string marker)
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
    internal static partial Regex AttributeName();
}
