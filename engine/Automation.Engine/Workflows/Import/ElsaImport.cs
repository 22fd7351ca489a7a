using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>One import: the steps, connections and report lines built from one export.</summary>
internal sealed partial class ElsaImport(JsonElement export, JsonElement root)
{
    private readonly List<UnmappedElsaActivity> unmapped = [];
    private readonly List<ElsaImportNote> toFinish = [];
    private readonly List<ElsaImportNote> changed = [];
    private readonly Dictionary<string, string> ids = new(StringComparer.Ordinal);
    private readonly List<ActivityDefinition> activities = [];
    private readonly List<ConnectionDefinition> connections = [];
    private readonly Dictionary<string, LayoutPosition> layout = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> variableTypes = new(StringComparer.Ordinal);
    private readonly List<VariableDefinition> variables = [];

    /// <summary>Our ids of the steps Elsa's Start or a trigger activity became; collapsed into the start when they can be.</summary>
    private readonly List<string> startSteps = [];

    /// <summary>The HTTP endpoint ("POST /path") Elsa starts the workflow on: it becomes our inbound webhook trigger.</summary>
    private (string StepId, string Endpoint)? webhookTrigger;
    private (string StepId, string Cron)? scheduleTrigger;

    /// <summary>Where a step's "done" really leaves from: an If with nested then/else activities goes on after them.</summary>
    private readonly Dictionary<string, List<string>> exits = new(StringComparer.Ordinal);

    public ElsaImportResult Run()
    {
        ReadVariables();
        var targeted = Targeted();
        foreach (var item in root.GetProperty("activities").EnumerateArray())
        {
            var elsaId = ElsaJson.Text(item, "id") ?? $"activity{ids.Count + 1}";
            var type = ElsaJson.Text(item, "type") ?? "";
            MapTopLevel(item, elsaId, type, targeted.Contains(elsaId));
        }

        ReadConnections();
        FanOut();
        SettleStart();
        var workflowId = SafeWorkflowId(ElsaJson.Text(export, "name") ?? ElsaJson.Text(export, "definitionId") ?? "imported-workflow");
        var definition = new WorkflowDefinition
        {
            Id = workflowId,
            Name = ElsaJson.Text(export, "name") ?? "Imported workflow",
            Description = ElsaJson.Text(export, "description") ?? "Imported from Elsa 3",
            Trigger = webhookTrigger is not null ? new TriggerDefinition { Type = Definitions.TriggerTypes.Webhook, Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) }
                : scheduleTrigger is { } schedule ? new TriggerDefinition { Type = Definitions.TriggerTypes.Schedule, Cron = schedule.Cron, Segment = "" }
                : null,
            Variables = variables,
            Activities = activities,
            Connections = connections,
            Layout = layout,
        };
        if (webhookTrigger is null && scheduleTrigger is { } scheduled)
        {
            changed.Insert(0, new ElsaImportNote(scheduled.StepId, "Elsa.Cron", $"Elsa's Cron ({scheduled.Cron}) becomes the schedule trigger, in the workspace's time zone"));
            toFinish.Insert(0, new ElsaImportNote("trigger", "trigger", "a schedule starts every member of a segment: choose the segment before publishing"));
        }
        else if (webhookTrigger is null)
        {
            toFinish.Insert(0, new ElsaImportNote("trigger", "trigger", "Elsa workflows have no segment, score or event trigger: choose what starts this workflow before publishing"));
        }
        else
        {
            changed.Insert(0, new ElsaImportNote(webhookTrigger.Value.StepId, "Elsa.HttpEndpoint", $"Elsa's HTTP endpoint ({webhookTrigger.Value.Endpoint}) becomes the inbound webhook trigger: POST /api/webhooks/{workflowId} with the generated secret in X-Webhook-Secret and the customer in the body ({{\"customerId\": \"…\"}})"));
        }

        return new ElsaImportResult(definition, unmapped, toFinish) { Changed = changed, Steps = new Dictionary<string, string>(ids, StringComparer.Ordinal) };
    }

    private void ReadVariables()
    {
        if (!export.TryGetProperty("variables", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var v in list.EnumerateArray())
        {
            var name = ElsaJson.Text(v, "name") ?? "";
            var typeName = ElsaJson.Text(v, "typeName") ?? "Object";
            if (!SetVariable.VariableName().IsMatch(name) || variableTypes.ContainsKey(name))
            {
                changed.Add(new ElsaImportNote("variables", "variable", $"variable '{name}' was dropped: not a usable variable name here (letters, digits, underscores)"));
                continue;
            }

            variableTypes[name] = typeName;
            variables.Add(new VariableDefinition { Name = name, Value = InitialValue(v, typeName) });
            if (ElsaExpressionTranslator.ReaderFor(typeName) == "Text" && typeName is not ("String" or "Object"))
            {
                changed.Add(new ElsaImportNote("variables", "variable", $"variable '{name}' of type {typeName} is kept as text"));
            }
        }
    }

    private static JsonElement? InitialValue(JsonElement variable, string typeName)
    {
        if (!variable.TryGetProperty("value", out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return ElsaExpressionTranslator.ReaderFor(typeName) switch
        {
            "Number" when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonSerializer.SerializeToElement(n),
            "Flag" when bool.TryParse(text, out var b) => JsonSerializer.SerializeToElement(b),
            _ => JsonSerializer.SerializeToElement(text),
        };
    }

    private HashSet<string> Targeted()
    {
        var targeted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Connections())
        {
            if (ElsaJson.End(c, "target", "targetPort").Activity is { } target)
            {
                targeted.Add(target);
            }
        }

        return targeted;
    }

    private IEnumerable<JsonElement> Connections() =>
        root.TryGetProperty("connections", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private void ReadConnections()
    {
        var wanted = new List<(string From, string Port, string To, string Original)>();
        foreach (var c in Connections())
        {
            var (source, elsaPort) = ElsaJson.End(c, "source", "sourcePort");
            var (target, _) = ElsaJson.End(c, "target", "targetPort");
            var original = $"{source}:{elsaPort} → {target}";
            if (source is null || target is null || !ids.TryGetValue(source, out var from) || !ids.TryGetValue(target, out var to))
            {
                changed.Add(new ElsaImportNote(source ?? "connection", "connection", $"connection {original} was dropped: one of its ends is not an activity of the export"));
                continue;
            }

            var step = activities.First(a => a.Id == from);
            var nestedExit = elsaPort == "Done" && exits.ContainsKey(from);
            if ((nestedExit ? "done" : MapPort(step, elsaPort)) is not { } port)
            {
                changed.Add(new ElsaImportNote(from, "connection", $"connection {original} was dropped: a {step.Type} step has no port like Elsa's '{elsaPort}'"));
                continue;
            }

            foreach (var exit in nestedExit ? exits[from] : [from])
            {
                wanted.Add((exit, port, to, original));
            }
        }

        foreach (var group in wanted.GroupBy(w => (w.From, w.Port)))
        {
            var targets = group.Select(w => w.To).Distinct(StringComparer.Ordinal).ToList();
            if (group.Count() > targets.Count)
            {
                changed.Add(new ElsaImportNote(group.Key.From, "connection", $"connections {string.Join(", ", group.Select(g => g.Original))} lead to the same step by port '{group.Key.Port}': kept once"));
            }

            connections.AddRange(targets.Select(t => new ConnectionDefinition { From = group.Key.From, Port = group.Key.Port, To = t }));
        }
    }

    private string SafeId(string elsaId)
    {
        var id = UnsafeIdCharacters().Replace(elsaId, "-");
        id = id.Length == 0 ? "activity" : id[..Math.Min(id.Length, 50)];
        var unique = id;
        for (var n = 2; activities.Any(a => a.Id == unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    private static string SafeWorkflowId(string text)
    {
        var id = UnsafeWorkflowIdCharacters().Replace(text.ToLowerInvariant(), "-").Trim('-');
        id = id.Length > 0 && char.IsLetter(id[0]) ? id : "elsa-" + id;
        return id[..Math.Min(id.Length, 100)].TrimEnd('-');
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacters();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex UnsafeWorkflowIdCharacters();
}
