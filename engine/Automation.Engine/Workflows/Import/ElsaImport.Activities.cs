using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>Each Elsa activity type and the step it becomes.</summary>
internal sealed partial class ElsaImport
{
    private static readonly HashSet<string> TriggerTypes = new(StringComparer.Ordinal) { "Elsa.HttpEndpoint", "Elsa.Cron", "Elsa.Timer", "Elsa.StartAt" };

    private void MapTopLevel(JsonElement item, string elsaId, string type, bool targeted)
    {
        if (type == "Elsa.Start" || (TriggerTypes.Contains(type) && !targeted))
        {
            // The start (or a trigger) becomes a step for now; SettleStart folds it into the start when it can.
            var id = Add(item, elsaId, Step(SafeId(elsaId), "note", ElsaJson.Text(item, "name") ?? "Start", ("text", $"started ({type})")));
            startSteps.Add(id);
            if (type == "Elsa.HttpEndpoint")
            {
                webhookTrigger ??= (id, $"{ElsaInput.Read(item, "supportedMethods")?.Text} /{ElsaInput.Read(item, "path")?.Text}");
            }
            else if (type == "Elsa.Cron" && scheduleTrigger is null && StandardCron(ElsaInput.Read(item, "cronExpression")?.Text) is { } cron)
            {
                scheduleTrigger = (id, cron);
            }
            else if (type != "Elsa.Start")
            {
                toFinish.Add(new ElsaImportNote(id, type, TriggerNote(item, type)));
            }

            return;
        }

        Map(item, elsaId, type);
    }

    /// <summary>Elsa's cron (Cronos, optionally with a leading seconds field) as five fields, when it is one at second 0.</summary>
    private static string? StandardCron(string? cron)
    {
        var fields = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var five = fields.Length == 6 && fields[0] == "0" ? string.Join(' ', fields[1..]) : fields.Length == 5 ? string.Join(' ', fields) : null;
        return Schedules.AudienceSchedule.TryParse(five, out _) is null ? null : five;
    }

    private static string TriggerNote(JsonElement item, string type) => type switch
    {
        "Elsa.Cron" => $"Elsa starts this workflow on the schedule cron {ElsaInput.Read(item, "cronExpression")}; there is no scheduled trigger yet: choose what starts it",
        "Elsa.Timer" => $"Elsa starts this workflow every {ElsaInput.Read(item, "interval")}; there is no scheduled trigger yet: choose what starts it",
        _ => $"Elsa starts this workflow at {ElsaInput.Read(item, "dateTime")}; there is no scheduled trigger yet: choose what starts it",
    };

    /// <summary>Maps one activity (and, for an If, its nested then/else activities); returns its step id.</summary>
    private string Map(JsonElement item, string elsaId, string type)
    {
        var id = SafeId(elsaId);
        var name = ElsaJson.Text(item, "name") ?? ElsaJson.Text(item, "displayName");
        switch (type)
        {
            case "Elsa.If" or "Elsa.FlowDecision":
                Add(item, elsaId, Step(id, "condition", name, ("expression", Code(id, type, "condition", ElsaInput.Read(item, "condition"), condition: true))));
                MapNested(item, id, "then", "true");
                MapNested(item, id, "else", "false");
                return id;
            case "Elsa.FlowSwitch" or "Elsa.Switch":
                return Add(item, elsaId, Step(id, Switch.TypeName, name, ("cases", SwitchCases(item, id, type))));
            case "Elsa.Delay" or "Elsa.Timer":
                if (type == "Elsa.Timer")
                {
                    changed.Add(new ElsaImportNote(id, type, "Elsa's Timer fires again and again; in the middle of a journey it becomes one wait of its interval"));
                }

                return Add(item, elsaId, Step(id, "waitForDuration", name, ("duration", Duration(id, type, ElsaInput.Read(item, type == "Elsa.Delay" ? "timeSpan" : "interval")))));
            case "Elsa.Event":
                var eventName = ElsaInput.Read(item, "eventName")?.Text ?? "";
                if (!EventName().IsMatch(eventName))
                {
                    toFinish.Add(new ElsaImportNote(id, type, $"event '{eventName}' is not an event type here; name the customer event to wait for"));
                }

                return Add(item, elsaId, Step(id, "waitForEvent", name, ("event", eventName), ("timeout", "P7D")));
            case "Elsa.SendEmail":
                return Add(item, elsaId, Step(id, "action", name, ("action", "email.send"), ("input", EmailInput(item, id, type))));
            case "Elsa.FlowSendHttpRequest" or "Elsa.SendHttpRequest":
                return Add(item, elsaId, Step(id, "action", name, ("action", "webhook.send"), ("input", WebhookInput(item, id, type))));
            case "Elsa.End" or "Elsa.Finish" or "Elsa.Complete" or "Elsa.Break":
                if (type == "Elsa.Complete" && ElsaInput.Read(item, "outcomes")?.Text is { Length: > 0 } outcomes)
                {
                    changed.Add(new ElsaImportNote(id, type, $"Elsa's Complete with outcome {outcomes} ends the workflow; here it ends the customer's run (the outcome is not kept)"));
                }

                return Add(item, elsaId, Step(id, "end", name));
            case "Elsa.Fault":
                changed.Add(new ElsaImportNote(id, type, $"Elsa's Fault (code {ElsaInput.Read(item, "code")?.Text}, message {ElsaInput.Read(item, "message")}) faults the workflow; here it ends the customer's run"));
                return Add(item, elsaId, Step(id, "end", name));
            case "Elsa.Fork" or "Elsa.FlowFork":
                return MapFork(item, elsaId, type, id, name);
            case "Elsa.Join" or "Elsa.FlowJoin":
                // Elsa's FlowJoinMode: WaitAll (0) or WaitAny (1); the composite Fork calls it joinMode.
                var mode = (ElsaInput.Read(item, "mode") ?? ElsaInput.Read(item, "joinMode"))?.Text;
                return Add(item, elsaId, Step(id, "join", name, ("mode", mode is "WaitAny" or "1" ? "any" : "all")));
            case "Elsa.WriteLine":
                return Add(item, elsaId, Step(id, "note", name, ("text", Text(id, type, "text", ElsaInput.Read(item, "text")))));
            case "Elsa.WriteHttpResponse":
                changed.Add(new ElsaImportNote(id, type, "a journey has no HTTP caller to answer: the response is written to the customer's journal instead"));
                var response = $"HTTP response {ElsaInput.Read(item, "statusCode")?.Text ?? "OK"}: {Text(id, type, "content", ElsaInput.Read(item, "content"))}";
                return Add(item, elsaId, Step(id, "note", name, ("text", response[..Math.Min(response.Length, 500)])));
            case "Elsa.SetVariable":
                return Add(item, elsaId, Step(id, "setVariable", name, ("variable", VariableOf(item)), ("value", Code(id, type, "value", ElsaInput.Read(item, "value"), condition: false))));
            case "Elsa.SetOutput":
                var output = ElsaInput.Read(item, "outputName")?.Text ?? "";
                changed.Add(new ElsaImportNote(id, type, $"workflow output '{output}' is kept as a workflow variable of that name"));
                return Add(item, elsaId, Step(id, "setVariable", name, ("variable", output), ("value", Code(id, type, "outputValue", ElsaInput.Read(item, "outputValue"), condition: false))));
            case "Elsa.RunTask":
                return Add(item, elsaId, Step(id, "externalTask", name, ("task", ElsaInput.Read(item, "taskName")?.Text ?? "")));
            case "Elsa.RunJavaScript" or "Elsa.RunCSharp" or "Elsa.RunPython":
                return Placeholder(item, elsaId, type, id, name, $"{type} runs a script ({ElsaInput.Read(item, "script")}); there is no script step here: rebuild what it does with setVariable, condition or switch steps");
            case "Elsa.ParallelForEach" or "Elsa.ForEach":
                return Placeholder(item, elsaId, type, id, name, $"{type} runs its nested activities once per item of {ElsaInput.Read(item, "items")}; a customer journey has no item loops: use a fork with a branch per case");
            default:
                return Placeholder(item, elsaId, type, id, name, type.Length == 0 ? "the activity has no type" : $"{type} has no counterpart here");
        }
    }

    /// <summary>An If's nested then/else activity: a step (or chain, for a Sequence) on the port, and the If goes on after it.</summary>
    private void MapNested(JsonElement item, string ifId, string property, string port)
    {
        if (!item.TryGetProperty(property, out var nested) || nested.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var chain = ElsaJson.Text(nested, "type") == "Elsa.Sequence" && nested.TryGetProperty("activities", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [nested];
        var from = ifId;
        var fromPort = port;
        foreach (var child in chain)
        {
            var childId = Map(child, ElsaJson.Text(child, "id") ?? $"{ifId}-{property}", ElsaJson.Text(child, "type") ?? "");
            connections.Add(new ConnectionDefinition { From = from, Port = fromPort, To = childId });
            from = childId;
            fromPort = "done";
        }

        (exits.TryGetValue(ifId, out var after) ? after : exits[ifId] = []).Add(from);
    }

    private string MapFork(JsonElement item, string elsaId, string type, string id, string? name)
    {
        if (item.TryGetProperty("branches", out var nested) && nested.ValueKind == JsonValueKind.Array && nested.EnumerateArray().Any(b => b.ValueKind == JsonValueKind.Object))
        {
            return Placeholder(item, elsaId, type, id, name, "this fork holds its branches as nested activities; draw them as connected branches of a fork (one port each) and a join");
        }

        // Branches as Elsa names them (its ports), plus any port its connections leave by that the list missed.
        var outgoing = Connections().Select(c => ElsaJson.End(c, "source", "sourcePort")).Where(e => e.Activity == elsaId && e.Port is not null).Select(e => e.Port!);
        var branches = ElsaJson.List(ElsaInput.Read(item, "branches")?.Text).Concat(outgoing).Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (branches.Count < 2)
        {
            toFinish.Add(new ElsaImportNote(id, type, "the fork has fewer than two branches; add and connect its branches"));
        }

        return Add(item, elsaId, Step(id, "fork", name, ("branches", branches)));
    }

    private JsonArray SwitchCases(JsonElement item, string id, string type)
    {
        var cases = new JsonArray();
        if (item.TryGetProperty("cases", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in list.EnumerateArray())
            {
                var label = ElsaJson.Text(c, "label") ?? $"case{cases.Count + 1}";
                var condition = c.TryGetProperty("condition", out var cond) && cond.ValueKind == JsonValueKind.Object
                    ? new ElsaInput(ElsaJson.Text(cond, "type") ?? "Literal", cond.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null)
                    : null;
                cases.Add(new JsonObject { ["port"] = label, ["condition"] = Code(id, type, $"case '{label}'", condition, condition: true) });
            }
        }

        return cases;
    }

    /// <summary>Keeps what cannot be mapped in the draft, connections and all, and lists it in the report.</summary>
    private string Placeholder(JsonElement item, string elsaId, string type, string id, string? name, string reason)
    {
        unmapped.Add(new UnmappedElsaActivity(id, type, reason + "; left in the draft as a placeholder to replace before publishing"));
        return Add(item, elsaId, ElsaPlaceholder.Create(id, elsaId, type, name, item, reason));
    }

    private string Add(JsonElement item, string elsaId, ActivityDefinition step)
    {
        activities.Add(step);
        ids[elsaId] = step.Id;
        if (ElsaJson.Position(item) is { } position)
        {
            layout[step.Id] = position;
        }

        return step.Id;
    }

    private static ActivityDefinition Step(string id, string type, string? name, params (string Key, object Value)[] settings) => new()
    {
        Id = id,
        Type = type,
        DisplayName = name,
        Settings = settings.ToDictionary(s => s.Key, s => JsonSerializer.SerializeToElement(s.Value), StringComparer.Ordinal),
    };

    /// <summary>Our port for an Elsa outcome, or null when the step has nothing like it.</summary>
    private static string? MapPort(ActivityDefinition step, string? port) => (step.Type, port) switch
    {
        ("condition", "True") => "true",
        ("condition", "False") => "false",
        ("condition", _) => null,
        ("end", _) => null,
        (Switch.TypeName, "Default") => Switch.DefaultPort,
        (Switch.TypeName, { Length: > 0 } label) => label,
        ("waitForEvent", _) => "event",
        ("fork", { Length: > 0 } branch) => branch, // a fork's ports are its branches, named as in Elsa
        ("action", { } outcome) when int.TryParse(outcome, out var status) => status is >= 200 and < 300 ? "done" : "failed",
        ("action", "Done" or null) => "done",
        ("action", _) => "failed", // Unmatched status code, Failed to connect, Timeout
        (ElsaPlaceholder.Type, { Length: > 0 } original) => original, // kept as Elsa named it, for whoever replaces the placeholder
        _ => "done",
    };

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_.]*$")]
    private static partial System.Text.RegularExpressions.Regex EventName();
}
