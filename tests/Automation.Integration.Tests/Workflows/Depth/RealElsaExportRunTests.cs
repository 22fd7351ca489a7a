using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using Xunit.Abstractions;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>
/// Exports written by Elsa itself (elsa-core's test fixtures) imported through the API, given a trigger, published and
/// run for a customer on the embedded default; the report says how many made it all the way.
/// </summary>
public sealed class RealElsaExportRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Real_elsa_exports_that_import_cleanly_publish_and_run_to_the_end()
    {
        using var host = AutomationHost.Embedded();
        using var designer = await host.AdminAsync();
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Elsa", "Fixtures"), "*.json").Order(StringComparer.Ordinal).ToList();
        var published = new List<(string File, string Workflow, string Event)>();
        foreach (var (file, n) in files.Select((f, n) => (f, n)))
        {
            // Sent as Elsa writes it, byte order mark and all.
            using var imported = await designer.PostAsync(new Uri("/api/workflows/import/elsa", UriKind.Relative), new ByteArrayContent(await File.ReadAllBytesAsync(file)) { Headers = { { "Content-Type", "application/json" } } });
            Assert.True(imported.IsSuccessStatusCode, $"{Path.GetFileName(file)}: {await imported.Content.ReadAsStringAsync()}");
            var body = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
            var definition = body["definition"]!;
            var workflow = $"elsa-run-{n}";
            var type = $"elsa_run_{n}";
            definition["id"] = workflow;
            definition["trigger"] = new JsonObject { ["type"] = "event", ["event"] = type };
            using var validated = await designer.PostAsync(new Uri("/api/workflows", UriKind.Relative), new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
            if (!validated.IsSuccessStatusCode)
            {
                output.WriteLine($"{Path.GetFileName(file)}: not publishable as imported ({body["toFinish"]!.AsArray().Count} to finish, {body["unmapped"]!.AsArray().Count} placeholders)");
                continue;
            }

            using var publishing = await designer.PostAsync(new Uri($"/api/workflows/{workflow}/publish", UriKind.Relative), null);
            Assert.True(publishing.IsSuccessStatusCode, await publishing.Content.ReadAsStringAsync());
            published.Add((Path.GetFileName(file), workflow, type));
        }

        var customer = "elsa-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(host, published.Select(p => Event(customer, p.Event, DateTime.UtcNow)));
        var ended = 0;
        foreach (var (file, workflow, _) in published)
        {
            var instances = await UntilAsync(designer, workflow, all => all.Any(i => Customer(i) == customer && Status(i) is "completed" or "waiting" or "faulted"));
            var root = instances.Single(i => Customer(i) == customer && (!i.TryGetProperty("parentInstanceId", out var parent) || parent.ValueKind == JsonValueKind.Null));
            var steps = await StepsAsync(designer, root);
            output.WriteLine($"{file}: {Status(root)} after {string.Join(" → ", steps.Select(s => s.Activity))}");
            Assert.NotEqual("faulted", Status(root));
            ended += Status(root) == "completed" ? 1 : 0;
        }

        output.WriteLine($"{published.Count} of {files.Count} exports publish as imported; {ended} ran to the end at once (the others wait on a Delay or an event)");
        Assert.True(published.Count * 2 >= files.Count, $"only {published.Count} of {files.Count} real exports publish as imported");
        Assert.True(ended >= published.Count * 2 / 3, $"only {ended} of {published.Count} published exports ran to the end");
    }
}
