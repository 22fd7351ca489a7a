using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Scoring.Models;
using Automation.Integration.Tests.Support;
using Automation.Testing.Onnx;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Scoring;

public sealed class OnnxModelTests
{
    [Fact]
    public async Task An_imported_onnx_model_scores_customers_online_like_a_trained_one()
    {
        using var host = AutomationHost.Embedded();
        var now = DateTime.UtcNow;

        // The user's model: risk rises with support tickets and falls with email opens.
        var onnx = OnnxLogisticModel.Create([1.5f, -1f], -1f);
        var mapping = new OnnxMapping("features", "probability", ["SupportTickets30d", "EmailOpens30d"]);
        var saved = await host.Services.GetRequiredService<ScoreModelStore>().ImportOnnxAsync(ScoreTargets.ChurnRisk, onnx, mapping, 0.5, activate: true, CancellationToken.None);
        host.Services.GetRequiredService<ActiveScoreModels>().Invalidate();
        Assert.Equal("onnx", saved.Kind);

        var events = Enumerable.Range(0, 4).SelectMany(i => new object[]
        {
            new { customerId = "unhappy", type = "support_ticket", timestamp = Iso(now.AddDays(-i - 1)) },
            new { customerId = "reader", type = "email_open", timestamp = Iso(now.AddDays(-i - 1)) },
        });
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostEventsAsync(new { events })).StatusCode);

        using var client = await host.AdminAsync();
        var unhappy = await Poll.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("/api/customers/unhappy", UriKind.Relative));
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            c => c.ValueKind == JsonValueKind.Object && c.GetProperty("scores").GetProperty("churnRisk").GetDouble() > 0,
            TimeSpan.FromSeconds(30));
        var reader = await client.GetFromJsonAsync<JsonElement>("/api/customers/reader");

        // sigmoid(1.5·4 − 1) and sigmoid(−4 − 1), as ONNX Runtime computes them.
        Assert.Equal(0.9933, unhappy.GetProperty("scores").GetProperty("churnRisk").GetDouble(), 3);
        Assert.Equal(0.0067, reader.GetProperty("scores").GetProperty("churnRisk").GetDouble(), 3);
        var reasons = unhappy.GetProperty("scores").GetProperty("reasonsByScore").GetProperty("ChurnRisk").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        Assert.Equal("support tickets in 30 days up (4 vs 0 usual)", reasons[0]);
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
