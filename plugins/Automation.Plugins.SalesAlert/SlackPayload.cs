using System.Text.Json.Nodes;

namespace Automation.Plugins.SalesAlert;

/// <summary>Renders an alert as a Slack incoming-webhook body: "text" for notifications, "blocks" for the message.</summary>
public static class SlackPayload
{
    // Slack's limits: a header holds 150 characters, a section's text 3000, a section at most 10 fields of 2000.
    private const int HeaderLimit = 150;
    private const int TextLimit = 3000;
    private const int FieldLimit = 2000;
    private const int MaxFields = 10;

    public static JsonObject Build(SalesAlertMessage alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = PlainText(Cut(alert.Title, HeaderLimit)),
            },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. alert.Facts.Take(MaxFields).Select(f => (JsonNode)Markdown(Cut($"*{Escape(f.Label)}*\n{Escape(f.Value)}", FieldLimit)))]),
            },
        };

        if (alert.Scores.Count > 0)
        {
            blocks.Add(Section("*Scores*\n" + string.Join('\n', alert.Scores.Select(s => $"• {Escape(s.Label)}: {Escape(s.Value)}"))));
        }

        if (alert.Reasons.Count > 0)
        {
            blocks.Add(Section("*Why*\n" + string.Join('\n', alert.Reasons.Select(r => $"• {Escape(r)}"))));
        }

        if (alert.Note is not null)
        {
            blocks.Add(Section($"*Note*\n{Escape(alert.Note)}"));
        }

        return new JsonObject
        {
            ["text"] = Cut(alert.ToText(), TextLimit),
            ["blocks"] = blocks,
        };
    }

    /// <summary>Slack reads &amp;, &lt; and &gt; as control characters in text; customer data must not become a link or mention.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = Markdown(Cut(markdown, TextLimit)),
    };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
