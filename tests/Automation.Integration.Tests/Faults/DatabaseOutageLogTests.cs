using System.Text.RegularExpressions;
using Automation.Integration.Tests.Support;
using Npgsql;

namespace Automation.Integration.Tests.Faults;

/// <summary>The database cut for one host (a relay on loopback) while its background work goes on, as its log reads it.</summary>
public sealed partial class DatabaseOutageLogTests
{
    [ServiceFact(TestServices.Postgres)]
    public async Task A_ten_second_database_outage_is_logged_once_when_it_starts_and_once_when_it_ends_without_a_line_per_attempt()
    {
        using var backends = BrokerAndDatabase.Create();
        var direct = new NpgsqlConnectionStringBuilder(backends.ConnectionString);
        await using var relay = TcpProxy.Start(direct.Host!, direct.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(backends.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string>
        {
            ["Automation__Database"] = "Postgres",
            ["Automation__PostgresConnectionString"] = viaProxy.ConnectionString,
        });

        var before = host.Output.Length;
        relay.Cut();
        await Task.Delay(TimeSpan.FromSeconds(10));
        relay.Restore();
        var ended = await Poll.UntilAsync(() => Task.FromResult(host.Output), o => o[before..].Contains("Database reachable again", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything logged just after the end belongs to the outage too

        var log = host.Output[before..];
        Assert.True(ended[before..].Contains("Database reachable again", StringComparison.Ordinal), $"no end line:\n{log}");
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("Database unreachable: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("An error occurred using", StringComparison.Ordinal) || l.Contains("Failed executing DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => StackFrame().IsMatch(l));
        Assert.True(lines.Length <= 12, $"{lines.Length} lines logged during the outage:\n{log}");
    }

    [GeneratedRegex(@"^\s+at \S+")]
    private static partial Regex StackFrame();
}
