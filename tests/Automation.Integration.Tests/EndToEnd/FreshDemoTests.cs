using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.EndToEnd;

/// <summary>
/// The embedded default as a new user starts it: demo data, no SMTP server. It must look alive and healthy: a clean
/// log, the shipped workflows running, every segment filled as its preview says, and the emails in the built-in outbox.
/// </summary>
public sealed class FreshDemoTests
{
    /// <summary>How long the demo runs before it is judged: AUTOMATION_DEMO_MINUTES (the issue asks for 10; CI runs 2).</summary>
    private static TimeSpan RunFor =>
        TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("AUTOMATION_DEMO_MINUTES"), CultureInfo.InvariantCulture, out var minutes) ? minutes : 2);

    [Fact]
    public async Task A_fresh_demo_without_SMTP_runs_with_a_clean_log_full_segments_and_emails_in_the_outbox()
    {
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string>
        {
            ["Automation__SeedDemoData"] = "true",
            ["Automation__Plugins__Email__Smtp__Host"] = "", // no SMTP server: the embedded default as shipped
        });
        await Task.Delay(RunFor);
        using var client = await host.AdminClientAsync();

        var problems = host.Output.Split('\n').Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, $"the log has {problems.Count} warnings or errors:\n{host.Output}");

        var workflows = await client.GetFromJsonAsync<List<JsonElement>>("/api/workflows");
        foreach (var file in Directory.GetFiles(RepoPaths.Workflows, "*.json"))
        {
            var id = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("id").GetString();
            var workflow = workflows!.SingleOrDefault(w => w.GetProperty("id").GetString() == id);
            Assert.True(workflow.ValueKind == JsonValueKind.Object, $"shipped workflow {id} was not imported");
            Assert.True(workflow.GetProperty("enabled").GetBoolean() && workflow.GetProperty("publishedVersion").ValueKind == JsonValueKind.Number, $"shipped workflow {id} is not published and enabled");
        }

        var segments = await client.GetFromJsonAsync<List<JsonElement>>("/api/segments");
        var mismatches = new List<string>();
        foreach (var segment in segments!)
        {
            using var preview = await client.PostAsJsonAsync("/api/segments/preview", new { expression = segment.GetProperty("expression").GetString() });
            var expected = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32();
            var size = segment.GetProperty("size").GetInt32();
            if (size != expected)
            {
                mismatches.Add($"{segment.GetProperty("key").GetString()}: {size} members, preview {expected}");
            }
        }

        Assert.True(mismatches.Count == 0, "segment sizes differ from their previews: " + string.Join("; ", mismatches));
        Assert.Contains(segments!, s => s.GetProperty("key").GetString() == "rfm-champions" && s.GetProperty("size").GetInt32() > 0);

        var failed = await client.GetFromJsonAsync<List<JsonElement>>("/api/actions?status=failed");
        Assert.Empty(failed!);
        var outbox = await client.GetFromJsonAsync<JsonElement>("/api/outbox?take=500");
        var emails = outbox.GetProperty("emails").EnumerateArray().ToList();
        Assert.Contains(emails, e => e.GetProperty("plugin").GetString() == "Email" && e.GetProperty("toAddress").GetString()!.EndsWith("@example.com", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.GetProperty("plugin").GetString() == "SalesAlert");
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/outbox/{emails[0].GetProperty("id").GetString()}");
        Assert.False(string.IsNullOrEmpty(first.GetProperty("subject").GetString()));
    }
}
