using System.Collections.Concurrent;
using System.Text;
using Automation.Plugins.Sdk;

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
public sealed class MailSkeleton
{
    private const int MaxKept = 256;

    private static readonly ConcurrentDictionary<string, MailSkeleton?> Kept = new(StringComparer.Ordinal);

    // Elements whose text the serializer writes unescaped; a slot in one would need other rules.
    private static readonly string[] RawTextElements = ["<script", "<style", "<xmp", "<iframe", "<noembed", "<noframes", "<plaintext", "<noscript"];

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
            if (!values.TryGetValue(name, out var value) || !MailSkeletonText.IsPlainText(value) || values.Keys.Count(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) != 1)
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
                if (MailSkeletonText.SanitizedAttribute(attribute, value) is not { } safe)
                {
                    return null;
                }

                html.Append(safe);
            }
            else
            {
                MailSkeletonText.AppendText(html, value);
            }
        }

        return html.Append(literals[^1]).ToString();
    }

    private static MailSkeleton? Build(string source)
    {
        if (MailSkeletonText.PlainPlaceholders(source) is not { Count: > 0 } names)
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

        if (RawTextElements.Any(e => skeleton.Contains(e, StringComparison.OrdinalIgnoreCase)) || (marked.Contains('[', StringComparison.Ordinal) && MailSkeletonText.HasStyleSheet(marked)))
        {
            return null; // attribute selectors in the CSS could style a value, not a marker
        }

        // Every marker made it through, once per output tag, and the document is the same with the values empty.
        if (markers.Any(m => MailSkeletonText.Count(skeleton, m.Marker) != MailSkeletonText.Count(marked, m.Marker))
            || empty != markers.Aggregate(skeleton, (s, m) => s.Replace(m.Marker, "", StringComparison.Ordinal)))
        {
            return null;
        }

        var literals = new List<string>();
        var slots = new List<Slot>();
        var byMarker = markers.ToDictionary(m => m.Marker, m => m.Name, StringComparer.Ordinal);
        var last = 0;
        foreach (var (at, inTag) in MailSkeletonText.MarkerPositions(skeleton, token))
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
                if (!MailSkeletonText.AttributeName().IsMatch(attribute))
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

    private sealed record Slot(string Name, string? Attribute);
}
