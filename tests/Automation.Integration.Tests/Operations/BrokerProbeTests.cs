using System.Globalization;
using System.Net;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Operations;

/// <summary>The probes an orchestrator asks while the host's broker (reached through a relay the test cuts) goes away and comes back.</summary>
public sealed class BrokerProbeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task Ready_answers_503_naming_the_broker_while_rabbitmq_is_unreachable_and_200_when_it_is_back_while_live_stays_200()
    {
        using var backends = BrokerAndDatabase.Create();
        await using var relay = TcpProxy.Start(backends.RabbitMqAddress.Host, backends.RabbitMqAddress.Port);
        using var host = AutomationHost.OnRabbitMqAndPostgres(backends, new Dictionary<string, string?>
        {
            ["Automation:RabbitMq:Host"] = "127.0.0.1",
            ["Automation:RabbitMq:Port"] = relay.Port.ToString(CultureInfo.InvariantCulture),
        });
        using var client = host.CreateClient();
        var before = await Poll.UntilAsync(() => ProbeAsync(client, "/health/ready"), p => p.Status == HttpStatusCode.OK, Patience);
        Assert.True(before.Status == HttpStatusCode.OK, before.Body);

        relay.Cut();
        var cut = await Poll.UntilAsync(() => ProbeAsync(client, "/health/ready"), p => p.Status == HttpStatusCode.ServiceUnavailable, Patience);
        Assert.True(cut.Status == HttpStatusCode.ServiceUnavailable, cut.Body);
        var body = JsonDocument.Parse(cut.Body).RootElement;
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("bus").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetString());
        Assert.Contains("broker", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var liveDuringCut = await ProbeAsync(client, "/health/live");
        Assert.True(liveDuringCut.Status == HttpStatusCode.OK, liveDuringCut.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ProbeAsync(client, "/health")).Status);

        relay.Restore();
        var back = await Poll.UntilAsync(() => ProbeAsync(client, "/health/ready"), p => p.Status == HttpStatusCode.OK, Patience);
        Assert.True(back.Status == HttpStatusCode.OK, back.Body);
        Assert.Equal("healthy", JsonDocument.Parse(back.Body).RootElement.GetProperty("checks").GetProperty("bus").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(client, "/health/live")).Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ProbeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
