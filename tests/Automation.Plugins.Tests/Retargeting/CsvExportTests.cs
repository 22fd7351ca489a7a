using Automation.Plugins.Retargeting;
using Automation.Plugins.Sdk;
using Automation.Plugins.Tests.Support;

namespace Automation.Plugins.Tests.Retargeting;

/// <summary>Without an audience API, changes go to {ExportFolder}/{audience}.csv for a manual upload.</summary>
public sealed class CsvExportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-plugins-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_base_url_each_audience_change_is_appended_to_the_audience_csv()
    {
        await using var plugin = new PluginUnderTest(new RetargetingPlugin(), new Dictionary<string, string?> { ["ExportFolder"] = folder }, new FixedClock(Now));

        var included = await plugin.DispatchAsync("retargeting.include", Requests.Customer(email: "jane.doe@example.com", phone: "+1 415 555 0123"), new { audience = "prospecting" });
        var excluded = await plugin.DispatchAsync("retargeting.exclude", Requests.Customer(email: "john.smith+ads@gmail.com", phone: null), new { audience = "prospecting" });

        var file = Path.Combine(folder, "prospecting.csv");
        Assert.Equal(ActionOutcome.Succeeded, included.Outcome);
        Assert.Equal(ActionOutcome.Succeeded, excluded.Outcome);
        Assert.Contains(file, excluded.Detail, StringComparison.Ordinal);
        Assert.Equal(
            [
                "timestamp,audience,operation,email_sha256,phone_sha256",
                $"2026-03-14T09:30:00.0000000+00:00,prospecting,include,{KnownHashes.JaneDoeEmail},{KnownHashes.UsPhone}",
                $"2026-03-14T09:30:00.0000000+00:00,prospecting,exclude,{KnownHashes.JohnSmithGmail},",
            ],
            await File.ReadAllLinesAsync(file));
    }

    [Fact]
    public async Task Each_audience_gets_its_own_file()
    {
        await using var plugin = new PluginUnderTest(new RetargetingPlugin(), new Dictionary<string, string?> { ["ExportFolder"] = folder });

        await plugin.DispatchAsync("retargeting.include", Requests.Customer(), new { audience = "prospecting" });
        await plugin.DispatchAsync("retargeting.include", Requests.Customer(), new { audience = "vip-lookalike" });

        Assert.Equal(
            ["prospecting.csv", "vip-lookalike.csv"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_changes_each_get_a_whole_row()
    {
        await using var plugin = new PluginUnderTest(new RetargetingPlugin(), new Dictionary<string, string?> { ["ExportFolder"] = folder });

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            plugin.DispatchAsync("retargeting.include", Requests.Customer(id: $"c-{i}", email: $"customer{i}@example.com"), new { audience = "prospecting" })));

        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "prospecting.csv"));
        Assert.Equal(41, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Equal(5, line.Split(',').Length));
    }

    [Fact]
    public async Task With_neither_a_base_url_nor_an_export_folder_the_action_fails_permanently()
    {
        await using var plugin = new PluginUnderTest(new RetargetingPlugin(), new Dictionary<string, string?>());

        var result = await plugin.DispatchAsync("retargeting.include", Requests.Customer(), new { audience = "prospecting" });

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("ExportFolder", result.Detail, StringComparison.Ordinal);
    }
}
