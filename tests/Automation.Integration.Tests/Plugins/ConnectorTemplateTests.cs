using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Plugins;

/// <summary>The integrator's path: the connector template installed, instantiated, built and dropped into a plugins folder (its action and its C# rule set).</summary>
public sealed class ConnectorTemplateTests
{
    [Fact]
    public async Task Plugin_made_from_the_connector_template_loads_and_its_action_appears_in_the_palette_and_runs()
    {
        var work = Path.Combine(Path.GetTempPath(), "automation-template", Guid.NewGuid().ToString("N"));
        var hive = Path.Combine(work, "hive");
        Directory.CreateDirectory(hive);
        try
        {
            var template = Path.Combine(RepoPaths.Root, "plugins", "templates", "Automation.Connector");
            var sdk = Path.Combine(RepoPaths.Root, "plugins", "Automation.Plugins.Sdk", "Automation.Plugins.Sdk.csproj");
            var timeout = TimeSpan.FromMinutes(4);
            await DotnetCli.RunAsync(work, timeout, "new", "install", template, "--debug:custom-hive", hive);
            await DotnetCli.RunAsync(
                work, timeout, "new", "automation-connector", "-n", "Contoso.Notes", "-o", Path.Combine(work, "Contoso.Notes"),
                "--plugin-name", "ContosoNotes", "--action-type", "contoso.note", "--sdk-source", "project", "--sdk-project", sdk,
                "--debug:custom-hive", hive);
            // Built without a package feed: the SDK comes from this checkout, in the configuration the tests run in.
            // (No -o: it would send the SDK project's own build output there too.)
            await DotnetCli.RunAsync(work, timeout, "build", Path.Combine(work, "Contoso.Notes", "Contoso.Notes.csproj"), "-c", RepoPaths.Configuration);
            var output = Path.Combine(work, "out", "Contoso.Notes");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            Directory.Move(Path.Combine(work, "Contoso.Notes", "bin", RepoPaths.Configuration, "net10.0"), output);
            Assert.False(File.Exists(Path.Combine(output, "Automation.Plugins.Sdk.dll")), "the plugin must not carry its own copy of the SDK");

            using var plugins = PluginsFolder.WithProofPlugin();
            plugins.Add(output);
            using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:PluginsPath"] = plugins.Path, ["Automation:Plugins:ContosoNotes:Target"] = "crm-notes" });
            using var admin = await host.AdminAsync();

            var loaded = await admin.GetFromJsonAsync<JsonElement>("/api/plugins");
            var plugin = Assert.Single(loaded.EnumerateArray(), p => p.GetProperty("name").GetString() == "ContosoNotes");
            Assert.Equal("loaded", plugin.GetProperty("status").GetString());
            var palette = await admin.GetFromJsonAsync<JsonElement>("/api/activities");
            var note = Assert.Single(palette.EnumerateArray(), a => a.GetProperty("type").GetString() == "contoso.note");
            Assert.Contains("\"text\"", note.GetProperty("inputSchema").ToString(), StringComparison.Ordinal);
            var ruleSet = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/rule-sets")).EnumerateArray(), r => r.GetProperty("key").GetString() == "contosonotes-rules");
            Assert.True(ruleSet.GetProperty("readOnly").GetBoolean());
            Assert.Equal(["big-spender"], ruleSet.GetProperty("pluginRules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));

            // And it carries an action out.
            await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("template-note", "template_tick", "contoso.note", new { text = "called back" }));
            var customer = NewCustomer("noted").Customer;
            using (var posted = await host.PostEventsAsync(new { events = new[] { Event(customer, "template_tick", DateTime.UtcNow) } }))
            {
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            }

            var action = Assert.Single(await SettledActionsAsync(admin, customer));
            Assert.Equal("completed", Status(action));
            Assert.Equal($"noted in crm-notes for {customer}: called back", action.GetProperty("detail").GetString());
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // build servers may still hold a file; the temp folder is cleaned by the OS
            }
        }
    }
}
