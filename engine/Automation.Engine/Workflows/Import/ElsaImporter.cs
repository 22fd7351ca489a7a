using System.Text.Json;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// Reads an Elsa 3 flowchart export (root "Elsa.Flowchart" with activities and source/target connections) into our
/// definition model. Elsa's Start (and a trigger activity such as HttpEndpoint or Cron) becomes the start; one port to
/// several activities becomes a fork with a join where the branches meet; activities without a counterpart stay as
/// placeholders. Every change, translation and drop is named in the result, never silent.
/// </summary>
public static class ElsaImporter
{
    public static ElsaImportResult Import(JsonElement export)
    {
        var root = export.TryGetProperty("root", out var r) ? r : export;
        if (ElsaJson.Text(root, "type") is { } rootType && rootType != "Elsa.Flowchart")
        {
            throw new JsonException($"the root activity is {rootType}; only Elsa.Flowchart exports can be imported");
        }

        if (!root.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no flowchart found: expected root.activities (an Elsa 3 workflow definition export)");
        }

        return new ElsaImport(export, root).Run();
    }
}
