using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Automation.Plugins.Sdk;
using Automation.Storage.Content;
using Fluid;
using Ganss.Xss;

namespace Automation.Engine.Content;

/// <summary>
/// Renders a template with Liquid (Fluid) for one customer: HTML values encoded, the HTML sanitized (no script, no
/// event handlers) and its CSS inlined for mail clients. A placeholder the customer has no value for fails the whole
/// email, so nobody gets "Hi ," or half a message. A part's parsed Liquid is kept per source, and a body that allows
/// it is sanitized and inlined once per source and filled per customer (<see cref="MailSkeleton"/>).
/// </summary>
public static class EmailTemplateRenderer
{
    private const int MaxParsed = 1024;

    private static readonly FluidParser Parser = new();

    private static readonly ConcurrentDictionary<string, (IFluidTemplate? Template, string? Error)> Parsed = new(StringComparer.Ordinal);

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictVariables(true)
        .WithStrictFilters(true)
        .WithMaxSteps(100_000)
        .Build();

    /// <summary>Checks a part's Liquid without rendering it; the parser's message, or null when it parses.</summary>
    public static string? SyntaxProblem(string source) =>
        Parser.TryParse(source ?? "", out _, out var error) ? null : error;

    public static RenderedEmail Render(EmailTemplateRecord template, EmailRenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var values = TemplateValues.For(request);
        var subject = Part("subject", request.Subject ?? template.Subject, values, html: false);
        var preheader = Part("preheader", template.Preheader, values, html: false);
        if (request.Text is { } own)
        {
            return new RenderedEmail(template.Key, template.Version, subject.Trim(), preheader.Trim(), template.FromName, template.FromAddress, "", Part("text body", own, values, html: false));
        }

        var body = MailSkeleton.Of(template.Html ?? "")?.Fill(values) is { } filled
            ? WithPreheader(filled, preheader)
            : MailHtml(Part("HTML body", template.Html ?? "", values, html: true), preheader);
        var text = Part("text body", template.Text, values, html: false);
        return new RenderedEmail(template.Key, template.Version, subject.Trim(), preheader.Trim(), template.FromName, template.FromAddress, body, text);
    }

    /// <summary>The full render of an HTML body, without the skeleton (what the skeleton must equal).</summary>
    internal static string RenderWithoutSkeleton(EmailTemplateRecord template, EmailRenderRequest request)
    {
        var values = TemplateValues.For(request);
        return MailHtml(Part("HTML body", template.Html, values, html: true), Part("preheader", template.Preheader, values, html: false));
    }

    /// <summary>The Liquid of an HTML body rendered with these values, encoded for HTML.</summary>
    internal static string RenderHtml(string source, IReadOnlyDictionary<string, string> values) => Part("HTML body", source, values, html: true);

    /// <summary>The sanitizer as every render configures it.</summary>
    internal static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("center");
        sanitizer.AllowedAttributes.Add("bgcolor");
        sanitizer.AllowedAttributes.Add("role");
        return sanitizer;
    }

    private static string Part(string part, string source, IReadOnlyDictionary<string, string> values, bool html)
    {
        var (parsed, error) = Parse(source ?? "");
        if (parsed is null)
        {
            throw new EmailTemplateException($"the {part} is not valid Liquid: {error}");
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        try
        {
            return html ? parsed.Render(context, HtmlEncoder.Default) : parsed.Render(context, NullEncoder.Default);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FluidException or ArgumentException)
        {
            throw new EmailTemplateException($"the {part} does not render for customer '{values["customerId"]}': {ex.Message}", ex);
        }
    }

    /// <summary>A part's parsed Liquid, parsed once per source (a send to a segment renders the same few thousands of times).</summary>
    private static (IFluidTemplate? Template, string? Error) Parse(string source)
    {
        if (Parsed.TryGetValue(source, out var kept))
        {
            return kept;
        }

        if (Parsed.Count >= MaxParsed)
        {
            Parsed.Clear();
        }

        return Parsed[source] = Parser.TryParse(source, out var parsed, out var error) ? (parsed, null) : (null, error);
    }

    /// <summary>Sanitized, CSS moved inline, the preheader as the first (hidden) text mail clients show after the subject.</summary>
    internal static string MailHtml(string html, string preheader)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        // Inlined first: the sanitizer keeps style attributes (with safe properties) but not style elements.
        var inlinedRaw = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, stripIdAndClassAttributes: false, ignoreElements: null, css: null, removeComments: true).Html;
        return WithPreheader(Sanitizer().SanitizeDocument(inlinedRaw), preheader);
    }

    private static string WithPreheader(string inlined, string preheader)
    {
        if (string.IsNullOrWhiteSpace(preheader))
        {
            return inlined;
        }

        var hidden = $"<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\">{HtmlEncoder.Default.Encode(preheader)}</div>";
        var body = inlined.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var open = body >= 0 ? inlined.IndexOf('>', body) : -1;
        return open >= 0 ? inlined.Insert(open + 1, hidden) : hidden + inlined;
    }
}
