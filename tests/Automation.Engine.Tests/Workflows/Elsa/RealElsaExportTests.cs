using System.Text.Json;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;
using Xunit.Abstractions;

namespace Automation.Engine.Tests.Workflows.Elsa;

/// <summary>Exports written by Elsa itself (elsa-core's own test fixtures, see tests/Automation.Testing/Elsa/Fixtures).</summary>
public sealed class RealElsaExportTests(ITestOutputHelper output)
{
    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Elsa", "Fixtures");

    public static IEnumerable<string> Fixtures() => Directory.GetFiles(FixtureFolder, "*.json").Order(StringComparer.Ordinal);

    /// <summary>Parses an export as the API and the CLI do: a UTF-8 byte order mark is allowed.</summary>
    public static JsonDocument Parse(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return JsonDocument.Parse(bytes.AsMemory(bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0));
    }

    [Fact]
    public void Most_activities_of_real_Elsa_exports_become_runnable_steps()
    {
        int total = 0, runnable = 0;
        foreach (var file in Fixtures())
        {
            using var export = Parse(file);
            var result = ElsaImporter.Import(export.RootElement);
            var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(result.Definition));
            var elsa = ElsaActivities(export.RootElement).Where(a => a.Type != "Elsa.Start").ToList();
            var steps = elsa.Count(a => result.Steps.TryGetValue(a.Id, out var step)
                && result.Definition.Activities.Single(s => s.Id == step).Type != ElsaPlaceholder.Type
                && problems.All(p => p.ActivityId != step));
            output.WriteLine($"{Path.GetFileName(file)}: {steps}/{elsa.Count} runnable");
            total += elsa.Count;
            runnable += steps;
        }

        var share = (double)runnable / total;
        output.WriteLine($"runnable share: {runnable}/{total} = {share:P1}");
        Assert.True(share >= 0.8, $"only {runnable} of {total} Elsa activities became runnable steps ({share:P1})");
    }

    [Fact]
    public void No_activity_or_connection_of_a_real_export_disappears_unreported()
    {
        foreach (var file in Fixtures())
        {
            using var export = Parse(file);
            var result = ElsaImporter.Import(export.RootElement);
            var d = result.Definition;
            var report = result.Unmapped.Select(u => u.ActivityId).Concat(result.ToFinish.Concat(result.Changed).Select(n => n.ActivityId)).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, type) in ElsaActivities(export.RootElement))
            {
                Assert.True(result.Steps.ContainsKey(id) || type == "Elsa.Start" || report.Contains(id), $"{Path.GetFileName(file)}: {type} {id} disappeared");
            }

            foreach (var (source, port, target) in ElsaConnections(export.RootElement))
            {
                var named = result.Changed.Any(n => n.Reason.Contains($"{source}:{port} → {target}", StringComparison.Ordinal) || (n.ActivityId == result.Steps.GetValueOrDefault(source ?? "") && n.Reason.Contains($"'{port}'", StringComparison.Ordinal)));
                var fromStart = source is not null && !result.Steps.ContainsKey(source);
                var kept = result.Steps.TryGetValue(source ?? "", out var from) && result.Steps.TryGetValue(target ?? "", out var to) && Reaches(d, from, to);
                Assert.True(named || fromStart || kept, $"{Path.GetFileName(file)}: connection {source}:{port} → {target} disappeared");
            }
        }
    }

    /// <summary>A connection survives directly or through a fork or join the import put in between.</summary>
    private static bool Reaches(WorkflowDefinition d, string from, string to) =>
        d.Connections.Any(c => c.From == from && (c.To == to || (d.Activities.Single(a => a.Id == c.To).Type is "fork" or "join" && Reaches(d, c.To, to))));

    private static IEnumerable<(string Id, string Type)> ElsaActivities(JsonElement export) =>
        export.GetProperty("root").GetProperty("activities").EnumerateArray().Select(a => (a.GetProperty("id").GetString()!, a.GetProperty("type").GetString()!)).ToList();

    private static IEnumerable<(string? Source, string? Port, string? Target)> ElsaConnections(JsonElement export) =>
        export.GetProperty("root").GetProperty("connections").EnumerateArray().Select(c => c.GetProperty("source").ValueKind == JsonValueKind.Object
            ? (c.GetProperty("source").GetProperty("activity").GetString(), c.GetProperty("source").TryGetProperty("port", out var p) ? p.GetString() : null, c.GetProperty("target").GetProperty("activity").GetString())
            : (c.GetProperty("source").GetString(), c.TryGetProperty("sourcePort", out var sp) ? sp.GetString() : null, c.GetProperty("target").GetString())).ToList();
}
