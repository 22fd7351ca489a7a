using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Cli;
using Automation.Integration.Tests.EndToEnd;

namespace Automation.Integration.Tests.Operations;

public sealed class BackupTests
{
    [ServiceFact(TestServices.Smtp)]
    public async Task A_backup_taken_under_load_restores_to_a_sound_database_holding_every_event_acknowledged_before_it()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var backup = Path.Combine(Path.GetTempPath(), "automation-backups", run, "automation.db");
        var restoredFolder = Path.Combine(Path.GetTempPath(), "automation-backups", run, "restored");
        await using (var host = await HostProcess.StartAsync(requireDesigner: false))
        {
            using var client = host.ApiClient();
            for (var batch = 0; batch < 4; batch++)
            {
                await PostAsync(client, $"{run}-before-{batch}");
            }

            // The host goes on taking batches while the copy is made.
            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    await PostAsync(client, $"{run}-during-{batch}");
                }
            });
            var (backedUp, output) = await CliRun.RunAsync("backup", backup, "--sqlite", Path.Combine(host.Folder, "automation.db"));
            var (refused, refusal) = await CliRun.RunAsync("restore", backup, "--sqlite", Path.Combine(host.Folder, "automation.db"));
            await stop.CancelAsync();
            await load;

            Assert.True(backedUp == 0, output);
            Assert.Contains("integrity check: ok", output, StringComparison.Ordinal);
            Assert.True(refused == 1, refusal);
            Assert.Contains("running host", refusal, StringComparison.Ordinal);
            await host.KillAsync();
        }

        var (restored, restoreOutput) = await CliRun.RunAsync("restore", backup, "--sqlite", Path.Combine(restoredFolder, "automation.db"));
        Assert.True(restored == 0, restoreOutput);
        await using var again = await HostProcess.StartAsync(restoredFolder, requireDesigner: false);
        using var admin = await again.AdminClientAsync();
        for (var batch = 0; batch < 4; batch++)
        {
            var profile = await Poll.UntilAsync(
                async () =>
                {
                    using var response = await admin.GetAsync(new Uri($"/api/customers/{run}-before-{batch}", UriKind.Relative));
                    return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
                },
                p => p.ValueKind == JsonValueKind.Object && p.GetProperty("features").GetProperty("totalEvents").GetInt32() == 200,
                TimeSpan.FromSeconds(60));
            Assert.Equal(200, profile.GetProperty("features").GetProperty("totalEvents").GetInt32());
        }
    }

    private static async Task PostAsync(HttpClient client, string customer)
    {
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(0, 200).Select(i => new { customerId = customer, type = "page_view", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-i)) });
        using var response = await client.PostAsJsonAsync("/api/events", new { events });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
