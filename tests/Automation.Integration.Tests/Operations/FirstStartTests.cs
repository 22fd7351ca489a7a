using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.Operations;

/// <summary>What a new user meets when starting the host from its build output.</summary>
public sealed class FirstStartTests
{
    [ServiceFact(TestServices.Smtp)]
    public async Task A_fresh_start_from_the_build_output_publishes_every_shipped_workflow_and_the_banner_shows_the_bound_address()
    {
        // No WorkflowsPath: the host finds the workflows (and their rule sets) copied beside it.
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string> { ["Automation__WorkflowsPath"] = "" });
        using var admin = await host.AdminClientAsync();
        var shipped = Directory.GetFiles(RepoPaths.Workflows, "*.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("id").GetString()!).ToList();
        var workflows = await admin.GetFromJsonAsync<JsonElement>("/api/workflows");
        var published = workflows.EnumerateArray().Where(w => w.TryGetProperty("publishedVersion", out var v) && v.ValueKind == JsonValueKind.Number).Select(w => w.GetProperty("id").GetString()).ToList();

        Assert.NotEmpty(shipped);
        Assert.All(shipped, id => Assert.Contains(id, published));
        Assert.DoesNotContain("was not imported", host.Output, StringComparison.Ordinal);
        Assert.Contains($"Automation is ready on {host.BaseAddress.ToString().TrimEnd('/')}", host.Output, StringComparison.Ordinal);
    }
}
