using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Cluster;
using Automation.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Automation.Benchmarks;

/// <summary>
/// Event processing spread over 1, 2 and 3 engine processes on RabbitMQ + PostgreSQL: the same stored backlog (events
/// written straight into the log, so that only processing is measured) worked off by each configuration on a fresh
/// database, then one process killed with SIGKILL and the time until the survivors own its partitions. On a shared
/// 2-core machine the processes compete for the same cores: compare the configurations of one run, not runs.
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchmarkArgs.Int(args, "--events", 1_000_000);
        var customers = BenchmarkArgs.Int(args, "--customers", 100_000);
        var most = BenchmarkArgs.Int(args, "--processes", 3);
        var least = BenchmarkArgs.Int(args, "--from", 1);

        // e.g. --host-env DOTNET_GCHeapCount=1: the same run with a runtime setting of the engine processes changed.
        var hostEnvironment = BenchmarkArgs.Text(args, "--host-env", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var rates = new List<double>();
        var takeovers = new List<double>();
        for (var processes = least; processes <= most; processes++)
        {
            var (rate, takeover) = await RunOnceAsync(processes, events, customers, hostEnvironment);
            rates.Add(rate);
            if (takeover is { } seconds)
            {
                takeovers.Add(seconds);
            }
        }

        var line = string.Join("; ", rates.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{least + i} {(least + i == 1 ? "process" : "processes")} {r:0} events/s")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: {line}; takeover {(takeovers.Count > 0 ? takeovers.Max() : double.NaN):0.0} s"));
        return 0;
    }

    private static async Task<(double Rate, double? Takeover)> RunOnceAsync(int processes, int events, int customers, Dictionary<string, string> hostEnvironment)
    {
        using var backends = BrokerAndDatabase.Create();
        var settings = backends.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        foreach (var (name, value) in hostEnvironment)
        {
            settings[name] = value;
        }

        settings["Logging__LogLevel__Default"] = "Warning";
        var hosts = new List<HostProcess>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                hosts.Add(await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: TimeSpan.FromSeconds(180)));
            }

            using var reader = await hosts[0].AdminClientAsync();
            await OwnersAsync(reader, processes, TimeSpan.FromSeconds(60));

            // What a process costs while there is nothing to do (polls, lock renewals, timers): paid once per process.
            var idleBefore = hosts.Select(h => h.ProcessorTime).ToList();
            await Task.Delay(TimeSpan.FromSeconds(10));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{processes} process(es) idle: CPU per process {string.Join(", ", hosts.Select((h, i) => $"{(h.ProcessorTime - idleBefore[i]).TotalSeconds / 10:P1}"))} of a core"));
            await StoreBacklogAsync(backends.ConnectionString, events, customers);
            var cpuBefore = hosts.Select(h => h.ProcessorTime).ToList();
            var stagesBefore = await Task.WhenAll(hosts.Select(h => StageTimes.ScrapeAsync(h.BaseAddress)));
            var clock = Stopwatch.StartNew();
            await using (var db = new NpgsqlConnection(backends.ConnectionString))
            {
                await db.OpenAsync();
                while (await WaitingAsync(db))
                {
                    await Task.Delay(500);
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await PrintRowUpdatesAsync(backends.ConnectionString);
            var cpu = hosts.Select((h, i) => (h.ProcessorTime - cpuBefore[i]).TotalSeconds).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{processes} process(es): {events:N0} events over {customers:N0} customers processed in {seconds:0.0} s = {events / seconds:N0} events/s; CPU s per 1,000 events per process: {string.Join(", ", cpu.Select(c => (c * 1000 / events).ToString("0.000", CultureInfo.InvariantCulture)))} (all processes together {cpu.Sum() * 1000 / events:0.000})"));

            // On this machine the processes share 2 cores with PostgreSQL and RabbitMQ; with a core of its own, each
            // process would be done after its own CPU time, so the busiest one bounds the rate (if the database keeps up).
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  a core of its own per process would give about {events / cpu.Max():N0} events/s ({events / cpu.Max() / processes:N0} per process), if PostgreSQL and RabbitMQ keep up"));
            var stagesAfter = await Task.WhenAll(hosts.Select(h => StageTimes.ScrapeAsync(h.BaseAddress)));
            PrintStages(seconds, [.. stagesAfter.Select((s, i) => s.Since(stagesBefore[i]))]);
            double? takeover = null;
            if (processes > 1)
            {
                var killed = Stopwatch.StartNew();
                await hosts[^1].KillAsync();
                await OwnersAsync(reader, processes - 1, TimeSpan.FromSeconds(30));
                takeover = killed.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  kill -9 of one: the {processes - 1} left own every partition after {takeover:0.0} s"));
            }

            return (events / seconds, takeover);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until this many processes own every partition between them.</summary>
    private static async Task OwnersAsync(HttpClient reader, int processes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var cluster = await reader.GetFromJsonAsync<JsonElement>("/api/cluster");
                var owners = cluster.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("partitions").GetArrayLength()).ToList();
                if (owners.Count == processes && owners.Sum() == cluster.GetProperty("partitionCount").GetInt32())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The answering process may be busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{processes} processes did not own every partition within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Writes the backlog straight into the log, as accepted events waiting for processing, each under its customer's partition.</summary>
    private static async Task StoreBacklogAsync(string connectionString, int events, int customers)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var start = DateTime.UtcNow.AddDays(-20);
        var types = new[] { "page_view", "product_view", "add_to_cart", "purchase", "email_open" };
        await using var copy = await db.BeginBinaryImportAsync("""COPY events ("EventId", "CustomerId", "Partition", "Type", "Timestamp", "Value", "ReceivedAt", "Processed") FROM STDIN (FORMAT BINARY)""");
        for (var i = 0; i < events; i++)
        {
            var customer = $"c{i % customers}";
            var type = types[(i / customers) % types.Length];
            await copy.StartRowAsync();
            await copy.WriteAsync($"scale-{i}", NpgsqlDbType.Text);
            await copy.WriteAsync(customer, NpgsqlDbType.Text);
            await copy.WriteAsync(CustomerPartitions.Of(customer, 64), NpgsqlDbType.Integer);
            await copy.WriteAsync(type, NpgsqlDbType.Text);
            await copy.WriteAsync(start.AddSeconds(i), NpgsqlDbType.TimestampTz);
            if (type == "purchase")
            {
                await copy.WriteAsync(25m, NpgsqlDbType.Numeric);
            }
            else
            {
                await copy.WriteNullAsync();
            }

            await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
        }

        await copy.CompleteAsync();
    }

    /// <summary>
    /// Each process's time per processing stage, as a share of the wall time: where a process waits for the partition
    /// locks ("hold partitions": another process's batch of the same partitions, or the sweeps' exclusive writer lock),
    /// and where it works.
    /// </summary>
    private static void PrintStages(double wall, IReadOnlyList<IReadOnlyDictionary<string, double>> processes)
    {
        var stages = processes.SelectMany(p => p.Keys).Distinct().Where(s => processes.Any(p => p.GetValueOrDefault(s) > 0.0005 * wall)).ToList();
        foreach (var stage in stages)
        {
            var shares = string.Join(", ", processes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.GetValueOrDefault(stage):0.0} s")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage.Trim(),-28} {shares}"));
        }

        var waits = processes.Select(p => p.GetValueOrDefault("hold partitions") + p.GetValueOrDefault("hold linked partitions")).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lock waits per process: {string.Join(", ", waits.Select(w => $"{w:0.0} s ({w / wall:P0} of the wall time)"))}"));
    }

    /// <summary>How the tables rewritten per event were updated: in place (HOT: no index entry written) or moved.</summary>
    private static async Task PrintRowUpdatesAsync(string connectionString)
    {
        // The server's statistics reach the views within a second of each transaction.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname IN ('profiles', 'events', 'workflow_instances') ORDER BY relname""", db);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            var updates = reader.GetInt64(1);
            tables.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {updates:N0} ({(updates == 0 ? 0 : (double)reader.GetInt64(2) / updates):P0} in place)"));
        }

        Console.WriteLine($"  row updates: {string.Join(", ", tables)}");
    }

    // EXISTS stops at the first event left, through the index on (Processed, Sequence): counting every row twice a second
    // would itself load the database under test.
    private static async Task<bool> WaitingAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM events WHERE NOT "Processed")""", db);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
