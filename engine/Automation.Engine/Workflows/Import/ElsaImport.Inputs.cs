using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>The Elsa activities' inputs in our terms: expressions, texts, durations, email and webhook settings.</summary>
internal sealed partial class ElsaImport
{
    /// <summary>An expression input in our language: literal flags, translated code, or "" with a to-finish line showing the original.</summary>
    private string Code(string id, string type, string what, ElsaInput? input, bool condition)
    {
        if (input?.Text is not { } text)
        {
            toFinish.Add(new ElsaImportNote(id, type, $"its {what} has no expression; write one over Features, Scores and Variables"));
            return "";
        }

        if (!input.IsCode)
        {
            if (condition)
            {
                return text.Trim().ToLowerInvariant() is "true" or "false" ? text.Trim().ToLowerInvariant() : Untranslated(id, type, what, input);
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text is "true" or "false"
                ? text
                : JsonSerializer.Serialize(text); // a literal text value becomes a quoted text expression
        }

        if (input.Language is "JavaScript" or "CSharp" && ElsaExpressionTranslator.Translate(text, variableTypes, condition) is { } translated)
        {
            changed.Add(new ElsaImportNote(id, type, $"its {what} {input} was translated into {translated}"));
            return translated;
        }

        return Untranslated(id, type, what, input);
    }

    private string Untranslated(string id, string type, string what, ElsaInput input)
    {
        toFinish.Add(new ElsaImportNote(id, type, $"its {what} {input} could not be translated: write it over Features, Scores and Variables"));
        return "";
    }

    /// <summary>Text for a note: literal, or code kept as text and said so.</summary>
    private string Text(string id, string type, string what, ElsaInput? input)
    {
        if (input is { IsCode: true })
        {
            changed.Add(new ElsaImportNote(id, type, $"its {what} {input} is code; the note shows the code as text"));
        }

        return input?.Text ?? "";
    }

    private string Duration(string id, string type, ElsaInput? input)
    {
        if (input?.Text is { } span && !input.IsCode && TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out var duration) && duration > TimeSpan.Zero)
        {
            return XmlConvert.ToString(duration);
        }

        toFinish.Add(new ElsaImportNote(id, type, $"its duration {input} is not a literal time span; set the wait's duration (P1D for now)"));
        return "P1D";
    }

    private JsonObject EmailInput(JsonElement item, string id, string type)
    {
        var input = new JsonObject { ["template"] = "" };
        toFinish.Add(new ElsaImportNote(id, type, "mapped to email.send: choose a template (its subject and body are kept as overrides)"));
        foreach (var (property, key) in new[] { ("subject", "subject"), ("from", "from"), ("body", "body") })
        {
            var value = ElsaInput.Read(item, property);
            if (value?.Text is not { Length: > 0 } text)
            {
                continue;
            }

            if (value.IsCode)
            {
                toFinish.Add(new ElsaImportNote(id, type, $"its {property} is {value}: write it as text with {{{{placeholders}}}} from the profile"));
                continue;
            }

            input[key] = text;
        }

        if (ElsaInput.Read(item, "to") is { Text.Length: > 0 } to)
        {
            changed.Add(new ElsaImportNote(id, type, $"its recipients {to} are replaced by the customer's own address: a journey emails the customer it runs for"));
        }

        return input;
    }

    private JsonObject WebhookInput(JsonElement item, string id, string type)
    {
        var input = new JsonObject
        {
            ["method"] = ElsaInput.Read(item, "method")?.Text ?? "GET",
            ["url"] = ElsaInput.Read(item, "url")?.Text ?? "",
        };
        if (ElsaInput.Read(item, "content") is { Text.Length: > 0 } content)
        {
            if (content.IsCode)
            {
                toFinish.Add(new ElsaImportNote(id, type, $"its body is {content}: write it as JSON with {{{{placeholders}}}} from the profile and variables"));
            }
            else
            {
                input["body"] = content.Text;
            }
        }

        if (ElsaInput.Read(item, "url") is { IsCode: true } url)
        {
            toFinish.Add(new ElsaImportNote(id, type, $"its URL is {url}: write the URL"));
            input["url"] = "";
        }

        changed.Add(new ElsaImportNote(id, type, "mapped to webhook.send: Elsa's status-code outcomes become 'done' (2xx) and 'failed' (anything else)"));
        return input;
    }

    private static string VariableOf(JsonElement item) =>
        item.TryGetProperty("variable", out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : ElsaJson.Text(v, "name") ?? "" : "";
}
