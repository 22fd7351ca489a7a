using System.Globalization;
using System.Text.RegularExpressions;

namespace Automation.Integration.Tests.Faults;

/// <summary>The broker cut for one host (a relay on loopback), as its log reads it.</summary>
public sealed partial class BrokerOutageLogTests
{
    [ServiceFact(TestServices.RabbitMq)]
    public async Task A_ten_second_broker_outage_is_logged_once_when_it_starts_and_once_when_it_ends_without_stack_traces()
    {
        using var vhost = RabbitMqVirtualHost.Create();
        await using var relay = TcpProxy.Start(vhost.Broker.Host, vhost.Broker.Port);
        var credentials = vhost.Broker.UserInfo.Split(':');
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string>
        {
            ["Automation__Transport"] = "RabbitMq",
            ["Automation__RabbitMq__Host"] = "127.0.0.1",
            ["Automation__RabbitMq__Port"] = relay.Port.ToString(CultureInfo.InvariantCulture),
            ["Automation__RabbitMq__VirtualHost"] = vhost.Name,
            ["Automation__RabbitMq__Username"] = credentials[0],
            ["Automation__RabbitMq__Password"] = credentials.Length > 1 ? credentials[1] : "",
        });

        var before = host.Output.Length;
        relay.Cut();
        await Task.Delay(TimeSpan.FromSeconds(10));
        relay.Restore();
        var ended = await Poll.UntilAsync(() => Task.FromResult(host.Output), o => o[before..].Contains("Broker reachable again", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything logged just after the end belongs to the outage too

        var log = host.Output[before..];
        Assert.True(ended[before..].Contains("Broker reachable again", StringComparison.Ordinal), $"no end line:\n{log}");
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("Broker unreachable: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Broker reachable again", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => StackFrame().IsMatch(l));
        Assert.DoesNotContain(lines, l => l.Contains("Exception:", StringComparison.Ordinal) && !l.Contains("Broker unreachable: ", StringComparison.Ordinal));
        Assert.True(lines.Length <= 12, $"{lines.Length} lines logged during the outage:\n{log}");
    }

    [GeneratedRegex(@"^\s+at \S+")]
    private static partial Regex StackFrame();
}
