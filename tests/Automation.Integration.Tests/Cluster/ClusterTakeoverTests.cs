using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Faults;
using Automation.Integration.Tests.Support;
using Npgsql;

namespace Automation.Integration.Tests.Cluster;

/// <summary>
/// Three engine processes on one PostgreSQL database and one RabbitMQ virtual host share the partitions; one is killed
/// with SIGKILL while 100,000 events stream in and emails go out. What a user sees afterwards: every customer's
/// purchases counted once each, in the order they were accepted, one email action per customer, every customer emailed
/// (a repeat only within the documented hand-over window, with its first copy's Message-ID), and the survivors owning
/// every partition within ten seconds.
/// </summary>
public sealed class ClusterTakeoverTests
{
    private const int Customers = 1000;
    private const int Rounds = 3;
    private const int EventsPerRound = 33;
    private const string WorkflowId = "cluster-welcome";

    /// <summary>Automation:Dispatch:ConcurrentDeliveries: no more deliveries than this can be between hand-over and record.</summary>
    private const int ConcurrentDeliveries = 16;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task Processes_share_the_partitions_and_the_survivors_take_over_a_killed_one_within_ten_seconds_losing_and_repeating_nothing()
    {
        using var backends = BrokerAndDatabase.Create();
        var settings = Settings(backends);
        var prefix = $"cl-{Guid.NewGuid().ToString("N")[..6]}-";
        var mailbox = new SinkMailbox(prefix);
        await using var first = await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: StartTimeout);
        using var admin = await first.AdminClientAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(WorkflowId, "cluster_go", "email.send", new { template = "welcome" }));
        var alone = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.SharedFairly(1), TimeSpan.FromSeconds(30));
        Assert.True(alone.SharedFairly(1), $"one process should own every partition: {alone}");
        await PostAsync([first], Identities(prefix));
        await PostRoundAsync([first], prefix, round: 0);

        // Processes joining later take their share without the first one stopping.
        await using var second = await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: StartTimeout);
        await using var third = await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: StartTimeout);
        var shared = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.SharedFairly(3), TimeSpan.FromSeconds(30));
        Assert.True(shared.SharedFairly(3), $"three processes should share the 64 partitions fairly: {shared}");

        // Mid-stream: the round opens with every customer's trigger; the third process dies once emails go out. The
        // first round is processed first, so the triggers are not queued behind it on a busy machine.
        var caughtUp = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.Waiting == 0, TimeSpan.FromSeconds(600));
        Assert.True(caughtUp.Waiting == 0, $"the first round is still waiting: {caughtUp}\n{Tail(first)}");
        var streaming = PostRoundAsync([first, second, third], prefix, round: 1, trigger: "cluster_go");
        var emailing = await Poll.UntilAsync(() => Task.FromResult(mailbox.Count()), n => n >= 50, TimeSpan.FromSeconds(300));
        Assert.True(emailing is >= 50 and < Customers, $"the kill should strike while emails go out, but {emailing} of {Customers} had gone\n{Tail(first)}");
        var killed = Stopwatch.StartNew();
        await third.KillAsync();
        var survivors = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.SharedFairly(2), TimeSpan.FromSeconds(30));
        var takeover = killed.Elapsed;
        Assert.True(survivors.SharedFairly(2), $"the two survivors should own every partition: {survivors}");
        Assert.True(takeover < TimeSpan.FromSeconds(10), $"the survivors took {takeover.TotalSeconds:0.0} s to own the killed process's partitions");
        Console.WriteLine($"cluster: the survivors owned every partition {takeover.TotalSeconds:0.0} s after the kill");
        await streaming;
        await PostRoundAsync([first, second], prefix, round: 2);

        var drained = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.Waiting == 0, TimeSpan.FromSeconds(600));
        Assert.True(drained.Waiting == 0, $"events still wait: {drained}\n{Tail(first)}");
        await AssertEveryPurchaseCountedOnceAsync(admin, prefix);
        AssertProcessedInAcceptedOrder(backends, prefix);
        await AssertOneEmailActionPerCustomerAsync(admin, mailbox);
    }

    [Fact]
    public async Task The_embedded_default_shows_one_process_owning_every_partition()
    {
        using var host = AutomationHost.Embedded();
        using var admin = await host.AdminAsync();

        var cluster = await admin.GetFromJsonAsync<JsonElement>("/api/cluster");

        Assert.Equal(64, cluster.GetProperty("partitionCount").GetInt32());
        var process = Assert.Single(cluster.GetProperty("processes").EnumerateArray().ToList());
        Assert.True(process.GetProperty("thisProcess").GetBoolean());
        Assert.Equal(Enumerable.Range(0, 64), process.GetProperty("partitions").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains("WorkflowTimers", process.GetProperty("jobs").EnumerateArray().Select(j => j.GetString()));
        Assert.All(cluster.GetProperty("partitions").EnumerateArray(), p => Assert.Equal(process.GetProperty("name").GetString(), p.GetProperty("owner").GetString()));
    }

    /// <summary>One round: each customer's next purchases (after the round's trigger, if any), posted in order, batches spread over the live processes.</summary>
    private static Task PostRoundAsync(IReadOnlyList<HostProcess> hosts, string prefix, int round, string? trigger = null)
    {
        var start = DateTime.UtcNow.AddHours(-2).AddMinutes(round * EventsPerRound);
        var triggers = Enumerable.Range(0, trigger is null ? 0 : Customers).Select(c => (object)new
        {
            id = $"{prefix}{c}-{trigger}",
            customerId = $"{prefix}{c}",
            type = trigger,
            timestamp = start.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture),
        });
        var purchases = Enumerable.Range(0, EventsPerRound).SelectMany(step => Enumerable.Range(0, Customers).Select(c => (object)new
        {
            id = $"{prefix}{c}-{(round * EventsPerRound) + step}",
            customerId = $"{prefix}{c}",
            type = "purchase",
            timestamp = start.AddMinutes(step).ToString("O", CultureInfo.InvariantCulture),
            value = 1,
            properties = new { step = (round * EventsPerRound) + step },
        }));
        return PostAsync(hosts, [.. triggers, .. purchases]);
    }

    private static List<object> Identities(string prefix) => [.. Enumerable.Range(0, Customers).Select(c => (object)new
    {
        id = $"{prefix}{c}-identify",
        customerId = $"{prefix}{c}",
        type = "identify",
        timestamp = DateTime.UtcNow.AddHours(-3).ToString("O", CultureInfo.InvariantCulture),
        properties = new { email = $"{prefix}{c}@example.test" },
    })];

    /// <summary>Posts in batches of 250 spread over the processes; a process killed meanwhile leaves its batch to the next one.</summary>
    private static async Task PostAsync(IReadOnlyList<HostProcess> hosts, IReadOnlyList<object> events)
    {
        var clients = hosts.Select(h => h.ApiClient()).ToList();
        try
        {
            var batch = 0;
            foreach (var chunk in events.Chunk(250))
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        using var response = await clients[batch++ % clients.Count].PostAsJsonAsync("/api/events", new { events = chunk });
                        Assert.True(response.IsSuccessStatusCode, $"a batch was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        break;
                    }
                    catch (HttpRequestException) when (attempt < clients.Count)
                    {
                        // the process was killed; events carry ids, so the batch posted again is stored once
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Exactly one email action per customer, each completed, and every customer emailed once (or repeated within the hand-over window with one Message-ID).</summary>
    private static async Task AssertOneEmailActionPerCustomerAsync(HttpClient admin, SinkMailbox mailbox)
    {
        var actions = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={WorkflowId}&take={Customers * 2}"),
            a => a.EnumerateArray().Count(x => x.GetProperty("status").GetString() == "completed") >= Customers,
            TimeSpan.FromSeconds(300));
        var perCustomer = actions.EnumerateArray().GroupBy(a => a.GetProperty("customerId").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal(Customers, perCustomer.Count);
        Assert.All(perCustomer, g => Assert.True(g.Count() == 1, $"{g.Key} has {g.Count()} actions"));
        Assert.All(perCustomer, g => Assert.Equal("completed", g.Single().GetProperty("status").GetString()));

        await Task.Delay(TimeSpan.FromSeconds(2)); // a stray repeat still on its way to the sink is counted too
        var mails = mailbox.Received().GroupBy(m => m.To, StringComparer.Ordinal).ToList();
        Assert.Equal(Customers, mails.Count);
        var repeated = mails.Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Sum(g => g.Count() - 1) <= ConcurrentDeliveries, $"{repeated.Count} customers emailed more than once: more than the hand-over window allows");
        Assert.All(repeated, g => Assert.Single(g.Select(m => m.MessageId).Distinct(StringComparer.Ordinal)));
    }

    private static async Task AssertEveryPurchaseCountedOnceAsync(HttpClient admin, string prefix)
    {
        var wrong = new List<string>();
        for (var c = 0; c < Customers; c++)
        {
            var profile = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{prefix}{c}");
            var purchases = profile.GetProperty("features").GetProperty("purchases").GetInt32();
            if (purchases != Rounds * EventsPerRound)
            {
                wrong.Add($"{prefix}{c}: {purchases}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} customers do not show {Rounds * EventsPerRound} purchases: {string.Join(", ", wrong.Take(10))}");
    }

    /// <summary>
    /// Each batch marks its events processed in its own transaction, so the transaction id on a customer's event rows
    /// must not go down as the accepted order goes up: a later event processed before an earlier one would show it.
    /// </summary>
    private static void AssertProcessedInAcceptedOrder(BrokerAndDatabase backends, string prefix)
    {
        using var connection = new NpgsqlConnection(backends.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT count(*) FROM (
              SELECT xmin::text::bigint AS tx, lag(xmin::text::bigint) OVER (PARTITION BY "CustomerId" ORDER BY "Sequence") AS before
              FROM events WHERE "CustomerId" LIKE @prefix) AS ordered
            WHERE tx < before
            """, connection);
        command.Parameters.AddWithValue("prefix", prefix + "%");
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }

    private static string Tail(HostProcess host) => host.Output[Math.Max(0, host.Output.Length - 4000)..];

    private static Dictionary<string, string> Settings(BrokerAndDatabase backends)
    {
        var settings = backends.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        settings["Automation__Processing__BatchSize"] = "500";
        // No shipped workflows: their purchase emails would take each customer's one email a day (the frequency cap).
        settings["Automation__WorkflowsPath"] = Directory.CreateTempSubdirectory("cluster-workflows-").FullName;
        var (smtpHost, smtpPort) = TestServices.SmtpEndpoint();
        settings["Automation__Plugins__Email__Smtp__Host"] = smtpHost;
        settings["Automation__Plugins__Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Automation__Plugins__Email__Smtp__Security"] = "None";
        return settings;
    }
}
