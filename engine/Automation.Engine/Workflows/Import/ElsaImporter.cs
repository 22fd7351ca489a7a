using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// Reads an Elsa 3 flowchart export (root "Elsa.Flowchart" with activities and source/target connections) into our
/// definition model. Elsa's Start becomes the implicit start; activities without a counterpart stay in the draft as
/// placeholders (connections kept) and are reported with the reason; mapped steps that need finishing are noted.
/// </summary>
public static partial class ElsaImporter
{
    public static ElsaImportResult Import(JsonElement export)
    {
        var unmapped = new List<UnmappedElsaActivity>();
        var notes = new List<ElsaImportNote>();
        var root = export.TryGetProperty("root", out var r) ? r : export;
        if (Text(root, "type") is { } rootType && rootType != "Elsa.Flowchart")
        {
            throw new JsonException($"the root activity is {rootType}; only Elsa.Flowchart exports can be imported");
        }

        if (!root.TryGetProperty("activities", out var activitiesJson) || activitiesJson.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no flowchart found: expected root.activities (an Elsa 3 workflow definition export)");
        }

        var outgoing = OutgoingPorts(root);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var starts = new HashSet<string>(StringComparer.Ordinal);
        var activities = new List<ActivityDefinition>();
        var layout = new Dictionary<string, LayoutPosition>(StringComparer.Ordinal);
        foreach (var item in activitiesJson.EnumerateArray())
        {
            var elsaId = Text(item, "id") ?? $"activity{ids.Count + 1}";
            var type = Text(item, "type") ?? "";
            if (type == "Elsa.Start")
            {
                starts.Add(elsaId);
                continue;
            }

            var id = SafeId(elsaId, ids.Values);
            ids[elsaId] = id;
            activities.Add(Map(item, elsaId, type, id, outgoing.GetValueOrDefault(elsaId) ?? [], unmapped, notes));
            if (Position(item) is { } position)
            {
                layout[id] = position;
            }
        }

        var connections = new List<ConnectionDefinition>();
        if (root.TryGetProperty("connections", out var connectionsJson) && connectionsJson.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in connectionsJson.EnumerateArray())
            {
                var (source, port) = End(c, "source", "sourcePort");
                var (target, _) = End(c, "target", "targetPort");
                if (source is null || target is null || starts.Contains(source))
                {
                    continue; // Start's own connection only says which activity comes first; that is implicit here.
                }

                if (!ids.TryGetValue(source, out var from) || !ids.TryGetValue(target, out var to))
                {
                    unmapped.Add(new UnmappedElsaActivity(source, "connection", $"connection {source}:{port} → {target} was dropped because one of its ends is not an activity of the export"));
                    continue;
                }

                var kind = activities.First(a => a.Id == from).Type;
                connections.Add(new ConnectionDefinition { From = from, Port = MapPort(kind, port), To = to });
            }
        }

        var definition = new WorkflowDefinition
        {
            Id = SafeWorkflowId(Text(export, "definitionId") ?? Text(export, "name") ?? "imported-workflow"),
            Name = Text(export, "name") ?? "Imported workflow",
            Description = Text(export, "description") ?? "Imported from Elsa 3",
            Trigger = null,
            Activities = activities,
            Connections = connections,
            Layout = layout,
        };
        notes.Add(new ElsaImportNote("trigger", "trigger", "Elsa workflows have no segment or score trigger: choose what starts this workflow before publishing"));
        return new ElsaImportResult(definition, unmapped, notes);
    }

    private static ActivityDefinition Map(JsonElement item, string elsaId, string type, string id, IReadOnlyList<string> outgoingPorts, List<UnmappedElsaActivity> unmapped, List<ElsaImportNote> notes)
    {
        var name = Text(item, "name") ?? Text(item, "displayName");
        switch (type)
        {
            case "Elsa.If" or "Elsa.FlowDecision":
                var condition = Expression(item, "condition");
                if (condition is null)
                {
                    notes.Add(new ElsaImportNote(id, type, "its condition has no expression; write one over Features and Scores"));
                }

                return Activity(id, "condition", name, ("expression", condition ?? ""));
            case "Elsa.Delay" or "Elsa.Timer":
                var span = Expression(item, type == "Elsa.Delay" ? "timeSpan" : "interval");
                if (span is null || !TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out var duration) || duration <= TimeSpan.Zero)
                {
                    notes.Add(new ElsaImportNote(id, type, $"its duration '{span}' is not a literal time span; set the wait's duration (P1D for now)"));
                    return Activity(id, "waitForDuration", name, ("duration", "P1D"));
                }

                return Activity(id, "waitForDuration", name, ("duration", XmlConvert.ToString(duration)));
            case "Elsa.Event":
                var eventName = Expression(item, "eventName") ?? "";
                if (!EventName().IsMatch(eventName))
                {
                    notes.Add(new ElsaImportNote(id, type, $"event '{eventName}' is not an event type here; name the customer event to wait for"));
                }

                return Activity(id, "waitForEvent", name, ("event", eventName), ("timeout", "P7D"));
            case "Elsa.SendEmail":
                var subject = Expression(item, "subject");
                notes.Add(new ElsaImportNote(id, type, "mapped to email.send: recipients come from the customer's profile; choose a template"));
                var input = new JsonObject { ["template"] = "" };
                if (!string.IsNullOrEmpty(subject))
                {
                    input["subject"] = subject;
                }

                return Activity(id, "action", name, ("action", "email.send"), ("input", input));
            case "Elsa.End" or "Elsa.Finish" or "Elsa.Complete":
                return Activity(id, "end", name);
            case "Elsa.Fork" or "Elsa.FlowFork":
                if (item.TryGetProperty("branches", out var nested) && nested.ValueKind == JsonValueKind.Array && nested.EnumerateArray().Any(b => b.ValueKind == JsonValueKind.Object))
                {
                    return Placeholder(item, elsaId, type, id, name, unmapped, "this fork holds its branches as nested activities; draw them as connected branches of a fork (one port each) and a join");
                }

                // Branches as Elsa names them (its ports), plus any port its connections leave by that the list missed.
                var branches = ForkBranches(item).Concat(outgoingPorts).Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                if (branches.Count < 2)
                {
                    notes.Add(new ElsaImportNote(id, type, "the fork has fewer than two branches; add and connect its branches"));
                }

                return Activity(id, "fork", name, ("branches", branches));
            case "Elsa.Join" or "Elsa.FlowJoin":
                // Elsa's FlowJoinMode: WaitAll (0) or WaitAny (1); the composite Fork calls it joinMode.
                var mode = Expression(item, "mode") ?? Expression(item, "joinMode") ?? Number(item, "mode");
                return Activity(id, "join", name, ("mode", mode is "WaitAny" or "1" ? "any" : "all"));
            default:
                return Placeholder(item, elsaId, type, id, name, unmapped, type.Length == 0 ? "the activity has no type" : $"{type} has no counterpart here");
        }
    }

    /// <summary>Keeps what cannot be mapped in the draft, connections and all, and lists it in the report.</summary>
    private static ActivityDefinition Placeholder(JsonElement item, string elsaId, string type, string id, string? name, List<UnmappedElsaActivity> unmapped, string reason)
    {
        unmapped.Add(new UnmappedElsaActivity(id, type, reason + "; left in the draft as a placeholder to replace before publishing"));
        return ElsaPlaceholder.Create(id, elsaId, type, name, item, reason);
    }

    private static ActivityDefinition Activity(string id, string type, string? name, params (string Key, object Value)[] settings) => new()
    {
        Id = id,
        Type = type,
        DisplayName = name,
        Settings = settings.ToDictionary(s => s.Key, s => JsonSerializer.SerializeToElement(s.Value), StringComparer.Ordinal),
    };

    private static string MapPort(string type, string? port) => (type, port) switch
    {
        ("condition", "True") => "true",
        ("condition", "False") => "false",
        ("waitForEvent", _) => "event",
        ("fork", { Length: > 0 } branch) => branch, // a fork's ports are its branches, named as in Elsa
        (ElsaPlaceholder.Type, { Length: > 0 } original) => original, // kept as Elsa named it, for whoever replaces the placeholder
        _ => "done",
    };

    private static (string? Activity, string? Port) End(JsonElement connection, string name, string portName)
    {
        if (!connection.TryGetProperty(name, out var end))
        {
            return (null, null);
        }

        return end.ValueKind == JsonValueKind.Object
            ? (Text(end, "activity"), Text(end, "port"))
            : (end.GetString(), Text(connection, portName));
    }

    /// <summary>The ports each activity's connections leave by, in the order they appear.</summary>
    private static Dictionary<string, List<string>> OutgoingPorts(JsonElement root)
    {
        var ports = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("connections", out var connections) && connections.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in connections.EnumerateArray())
            {
                if (End(c, "source", "sourcePort") is ({ } source, { } port))
                {
                    (ports.TryGetValue(source, out var list) ? list : ports[source] = []).Add(port);
                }
            }
        }

        return ports;
    }

    /// <summary>A fork's branch names: a plain list, or an input whose expression holds the list (as JSON text or as an array).</summary>
    private static IEnumerable<string> ForkBranches(JsonElement item)
    {
        if (!item.TryGetProperty("branches", out var branches))
        {
            return [];
        }

        if (branches.ValueKind == JsonValueKind.Object && branches.TryGetProperty("expression", out var expression))
        {
            branches = expression.ValueKind == JsonValueKind.Object && expression.TryGetProperty("value", out var v) ? v : expression;
        }

        if (branches.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var parsed = JsonDocument.Parse(branches.GetString() ?? "");
                return parsed.RootElement.ValueKind == JsonValueKind.Array ? Strings(parsed.RootElement).ToList() : [];
            }
            catch (JsonException)
            {
                return (branches.GetString() ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return branches.ValueKind == JsonValueKind.Array ? Strings(branches).ToList() : [];
    }

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!);

    private static string? Number(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;

    /// <summary>An Elsa input is either a plain value or { expression: { type, value } }; only its text is taken.</summary>
    private static string? Expression(JsonElement item, string property)
    {
        if (!item.TryGetProperty(property, out var input))
        {
            return null;
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            return input.GetString();
        }

        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty("expression", out var expression))
        {
            var value = expression.ValueKind == JsonValueKind.Object && expression.TryGetProperty("value", out var v) ? v : expression;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            };
        }

        return null;
    }

    private static LayoutPosition? Position(JsonElement item) =>
        item.TryGetProperty("metadata", out var m) && m.TryGetProperty("designer", out var d) && d.TryGetProperty("position", out var p)
            && p.TryGetProperty("x", out var x) && p.TryGetProperty("y", out var y) && x.TryGetDouble(out var px) && y.TryGetDouble(out var py)
            ? new LayoutPosition(px, py)
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string SafeId(string elsaId, IEnumerable<string> taken)
    {
        var id = UnsafeIdCharacters().Replace(elsaId, "-");
        id = id.Length == 0 ? "activity" : id[..Math.Min(id.Length, 60)];
        var unique = id;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = $"{id[..Math.Min(id.Length, 55)]}-{n}";
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

    [GeneratedRegex("^[a-z][a-z0-9_.]*$")]
    private static partial Regex EventName();
}
