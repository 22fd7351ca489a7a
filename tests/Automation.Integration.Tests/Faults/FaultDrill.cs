using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Npgsql;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// One fault-injection drill as an operator would run it: an engine process on RabbitMQ + a fresh PostgreSQL database
/// and vhost, reaching the broker, the database and the SMTP sink each through a <see cref="TcpProxy"/> the drill can
/// cut (the shared services stay up); a published workflow that sends one email per customer; 2,000 customers posted
/// at a steady pace by a producer that re-posts refused batches. The drill counts what the sink and the API show.
/// </summary>
public sealed class FaultDrill : IAsyncDisposable
{
    public const int Customers = 2000;
    public const string WorkflowId = "fault-drill";

    /// <summary>A fresh database's migrations are the slow part of a start; drills started together take turns.</summary>
    private static readonly SemaphoreSlim StartOneAtATime = new(1, 1);

    /// <summary>Generous: the shared machine is often busy with other sessions' builds and tests.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly BrokerAndDatabase backends;
    private readonly Dictionary<string, string> settings;

    private FaultDrill(BrokerAndDatabase backends, TcpProxy database, TcpProxy broker, TcpProxy smtp, Dictionary<string, string> settings, string prefix)
    {
        this.backends = backends;
        this.settings = settings;
        Database = database;
        Broker = broker;
        Smtp = smtp;
        CustomerPrefix = prefix;
        Mailbox = new SinkMailbox(prefix);
        Producer = new SteadyProducer(() => Host?.ApiClient() ?? throw new HttpRequestException("the engine is not running (killed, not yet started again)"), prefix, "fault_go");
    }

    public TcpProxy Database { get; }

    public TcpProxy Broker { get; }

    public TcpProxy Smtp { get; }

    public HostProcess? Host { get; private set; }

    /// <summary>What the killed engine process had logged (its failure shows what it did last).</summary>
    public string? KilledOutput { get; private set; }

    public string CustomerPrefix { get; }

    public SinkMailbox Mailbox { get; }

    public SteadyProducer Producer { get; }

    public static async Task<FaultDrill> StartAsync(string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        await StartOneAtATime.WaitAsync();
        try
        {
            return await StartAloneAsync(name, extra);
        }
        finally
        {
            StartOneAtATime.Release();
        }
    }

    private static async Task<FaultDrill> StartAloneAsync(string name, IReadOnlyDictionary<string, string>? extra)
    {
        var backends = BrokerAndDatabase.Create();
        var direct = new NpgsqlConnectionStringBuilder(backends.ConnectionString);
        var database = TcpProxy.Start(direct.Host!, direct.Port);
        var broker = TcpProxy.Start(backends.RabbitMqAddress.Host, backends.RabbitMqAddress.Port);
        var (smtpHost, smtpPort) = TestServices.SmtpEndpoint();
        var smtp = TcpProxy.Start(smtpHost, smtpPort);
        var viaProxy = new NpgsqlConnectionStringBuilder(backends.ConnectionString) { Host = "127.0.0.1", Port = database.Port };
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in backends.Settings())
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        settings["Automation__PostgresConnectionString"] = viaProxy.ConnectionString;
        settings["Automation__RabbitMq__Host"] = "127.0.0.1";
        settings["Automation__RabbitMq__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        settings["Automation__Plugins__Email__Smtp__Host"] = "127.0.0.1";
        settings["Automation__Plugins__Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Automation__Plugins__Email__Smtp__Security"] = "None";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var drill = new FaultDrill(backends, database, broker, smtp, settings, $"{name}-{Guid.NewGuid().ToString("N")[..6]}-");
        try
        {
            await drill.StartHostAsync();
            using var admin = await drill.Host!.AdminClientAsync();
            await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(WorkflowId, "fault_go", "email.send", new { template = "welcome" }));
        }
        catch
        {
            await drill.DisposeAsync();
            throw;
        }

        return drill;
    }

    /// <summary>Starts the engine process (again, after a kill) on the drill's database and vhost.</summary>
    public async Task StartHostAsync() =>
        Host = await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: StartTimeout);

    /// <summary>SIGKILL: the process ends at once, with whatever it had in flight.</summary>
    public async Task KillHostAsync()
    {
        if (Host is { } host)
        {
            await host.KillAsync();
            KilledOutput = host.Output;
            await host.DisposeAsync();
            Host = null;
        }
    }

    /// <summary>Waits until the sink has received at least this many of the drill's emails (the faults strike mid-flight).</summary>
    public async Task<int> EmailsReachAsync(int count, TimeSpan timeout)
    {
        var reached = await Poll.UntilAsync(() => Task.FromResult(Mailbox.Count()), n => n >= count, timeout);
        Assert.True(reached >= count, $"only {reached} emails reached the sink within {timeout.TotalSeconds:0} s; the fault would not hit emails in flight. Host log tail:\n{Tail(Host?.Output)}");
        return reached;
    }

    /// <summary>Waits until every customer's action completed, then counts what the sink, the API and the broker show.</summary>
    public async Task<DrillCounts> SettleAsync(TimeSpan timeout)
    {
        using var admin = await Host!.AdminClientAsync();
        var byStatus = await Poll.UntilAsync(() => ActionsByStatusAsync(admin), s => s.GetValueOrDefault("completed") >= Customers, timeout);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a stray repeat still on its way to the sink is counted too
        var mails = Mailbox.Received();
        var perRecipient = mails.GroupBy(m => m.To, StringComparer.Ordinal).ToList();
        var repeated = perRecipient.Where(g => g.Count() > 1).ToList();
        var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/dashboard");
        var stored = dashboard.GetProperty("eventsPerMinute").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32());
        var instances = await admin.GetFromJsonAsync<JsonElement>($"/api/workflows/{WorkflowId}/instances?status=completed&take={Customers}");
        var errorQueue = await admin.GetFromJsonAsync<JsonElement>("/api/error-queues");
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={WorkflowId}&take={Customers}");
        var unsettled = all.EnumerateArray().Where(a => a.GetProperty("status").ToString() != "completed").Take(5)
            .Select(a => $"{Field(a, "customerId")} {Field(a, "status")} attempts {Field(a, "attempts")} dispatched {Field(a, "dispatchedAt")} error {Field(a, "lastError")}");
        return new DrillCounts(
            AcceptedFirstTime: Producer.AcceptedFirstTime,
            Accepted: Producer.Accepted,
            Stored: stored,
            ActionsByStatus: await ActionsByStatusAsync(admin),
            InstancesCompleted: instances.EnumerateArray().Select(i => i.GetProperty("customerId").GetString()).Distinct(StringComparer.Ordinal).Count(),
            Emails: mails.Count,
            Recipients: perRecipient.Count,
            Duplicates: repeated.Sum(g => g.Count() - 1),
            DuplicatesWithOneMessageId: repeated.Count(g => g.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count() == 1),
            DuplicatedRecipients: repeated.Count,
            ErrorQueueMessages: errorQueue.GetArrayLength(),
            Unsettled: string.Join(" | ", unsettled),
            Backlog: unsettled.Any() ? $"instances {await InstancesAsync(admin)}; {backends.DispatchedWithoutCompletion()}; outbox {backends.OutboxRows()}; queues (ready/unacked/consumers) {backends.Queues()}" : "");
    }

    /// <summary>The workflow's instances by status, and the last step of one that did not complete (a fault says why).</summary>
    private static async Task<string> InstancesAsync(HttpClient admin)
    {
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/workflows/{WorkflowId}/instances?take={Customers * 2}");
        var byStatus = all.EnumerateArray().GroupBy(i => i.GetProperty("status").ToString(), StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        var stuck = all.EnumerateArray().FirstOrDefault(i => i.GetProperty("status").ToString() != "completed");
        if (stuck.ValueKind != JsonValueKind.Object)
        {
            return string.Join(", ", byStatus);
        }

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/instances/{stuck.GetProperty("id")}");
        var last = detail.GetProperty("steps").EnumerateArray().LastOrDefault();
        var step = last.ValueKind == JsonValueKind.Object ? $"{Field(last, "activityId")} {Field(last, "port")}: {Field(last, "summary")}" : "no step";
        return $"{string.Join(", ", byStatus)} (e.g. {Field(stuck, "customerId")} {Field(stuck, "status")} at {step})";
    }

    public static async Task<Dictionary<string, int>> ActionsByStatusAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        try
        {
            var dashboard = await admin.GetFromJsonAsync<JsonElement>("/api/dashboard");
            return dashboard.GetProperty("actionsByStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        }
        catch (HttpRequestException)
        {
            return []; // the host answers 503 while its database is away
        }
    }

    public static string Tail(string? log) => log is null ? "(no host)" : log[Math.Max(0, log.Length - 4000)..];

    public async ValueTask DisposeAsync()
    {
        // Every drill's engine logs, kept whole: a failure's message holds only their tails.
        var logs = Path.Combine(RepoPaths.Root, "TestResults", "drills");
        Directory.CreateDirectory(logs);
        if (KilledOutput is { } killed)
        {
            await File.WriteAllTextAsync(Path.Combine(logs, $"{CustomerPrefix}killed.log"), killed);
        }

        if (Host is { } host)
        {
            await File.WriteAllTextAsync(Path.Combine(logs, $"{CustomerPrefix}engine.log"), host.Output);
            await host.DisposeAsync();
        }

        await Database.DisposeAsync();
        await Broker.DisposeAsync();
        await Smtp.DisposeAsync();
        backends.Dispose();
    }

    // Only for the failure message: an action listed without one of these still says what it has.
    private static string Field(JsonElement action, string name) => action.TryGetProperty(name, out var value) ? value.ToString() : "-";
}
