using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Dispatch;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Plugins;

/// <summary>Plugins that cannot run are reported with the reason; the engine starts and works with the others.</summary>
public sealed class BrokenPluginsTests
{
    [Fact]
    public async Task Plugins_that_fail_to_load_are_reported_with_the_reason_and_the_engine_runs_on_with_the_rest()
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        PluginCompiler.Compile(plugins.Path, "Automation.Plugins.Incompatible", Plugin("Incompatible", "[9.0,10.0)", ["incompatible.never"]));
        PluginCompiler.Compile(plugins.Path, "Automation.Plugins.Throwing", Plugin("Throwing", "[1.0,2.0)", ["throwing.never"], constructor: "throw new System.InvalidOperationException(\"no licence key configured\");"));
        // Twin loads after Proof (folders load in name order), so its copy of proof.flaky is refused and twin.note is kept.
        PluginCompiler.Compile(plugins.Path, "Automation.Plugins.Twin", Plugin("Twin", "[1.0,2.0)", ["proof.flaky", "twin.note"]));
        var garbage = Path.Combine(plugins.Path, "Automation.Plugins.Garbage");
        Directory.CreateDirectory(garbage);
        await File.WriteAllTextAsync(Path.Combine(garbage, "Automation.Plugins.Garbage.dll"), "this is not an assembly");

        var ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
        using var host = AutomationHost.Embedded(PluginDeliveryTests.ProofSettings(plugins, ledger, failureRate: 0, redeliveries: 1));
        using var admin = await host.AdminAsync();

        var reported = (await admin.GetFromJsonAsync<JsonElement>("/api/plugins")).EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal("failed", reported["Incompatible"].GetProperty("status").GetString());
        Assert.Contains("incompatible SDK", reported["Incompatible"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", reported["Automation.Plugins.Throwing"].GetProperty("status").GetString());
        Assert.Contains("no licence key configured", reported["Automation.Plugins.Throwing"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", reported["Automation.Plugins.Garbage"].GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(reported["Automation.Plugins.Garbage"].GetProperty("error").GetString()));
        Assert.Equal("loaded", reported["Twin"].GetProperty("status").GetString());
        Assert.Equal(["twin.note"], reported["Twin"].GetProperty("actionTypes").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("proof.flaky: another plugin already provides it", reported["Twin"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("loaded", reported["Proof"].GetProperty("status").GetString());

        // The engine runs on: the surviving action of the partly refused plugin and the other plugin's actions deliver.
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("note-it", "twin_go", "twin.note"));
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("proof-it", "proof_go", "proof.flaky"));
        var now = EventToEmailScenario.Iso(DateTime.UtcNow);
        using (var posted = await host.PostEventsAsync(new { events = new[] { new { customerId = "noted-1", type = "twin_go", timestamp = now }, new { customerId = "proofed-1", type = "proof_go", timestamp = now } } }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        foreach (var workflow in new[] { "note-it", "proof-it" })
        {
            var done = await Poll.UntilAsync(
                () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflow}&status=completed"),
                a => a.GetArrayLength() == 1,
                TimeSpan.FromSeconds(30));
            Assert.Equal(1, done.GetArrayLength());
        }

        Assert.Equal("noted", (await admin.GetFromJsonAsync<JsonElement>("/api/actions?workflowId=note-it&status=completed"))[0].GetProperty("detail").GetString());
        Assert.Single(ledger.Keys());
    }

    /// <summary>A plugin whose every action is handled by one "noted" handler; the constructor body is the test's to choose.</summary>
    private static string Plugin(string name, string sdkRange, string[] actions, string constructor = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Automation.Plugins.Sdk;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class NoteHandler : ActionHandler
        {
            public override Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken) => Task.FromResult(ActionResult.Success("noted"));
        }

        public sealed class {{name}}Plugin : IAutomationPlugin
        {
            public {{name}}Plugin() { {{constructor}} }

            public PluginManifest Manifest { get; } = new("{{name}}", "0.1.0", "{{sdkRange}}");

            public IReadOnlyList<ActionDescriptor> Actions { get; } = new[]
            {
                {{string.Join(",\n", actions.Select(a => $$"""new ActionDescriptor { Type = "{{a}}", DisplayName = "{{a}}", Channel = "notes", InputSchema = "{\"type\":\"object\"}", HandlerType = typeof(NoteHandler) }"""))}}
            };

            public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddTransient<NoteHandler>();
        }
        """;
}
