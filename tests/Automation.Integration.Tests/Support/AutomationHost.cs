using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Automation.Integration.Tests.Support;

/// <summary>
/// The real host in-process on a chosen stack: the embedded default (a fresh SQLite file, in-memory bus) or
/// RabbitMQ + a fresh PostgreSQL database. Plugins load from the built plugins folder; email goes to the SMTP sink.
/// </summary>
public sealed class AutomationHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789";
    public const string AdminPassword = "admin-password-1";

    private readonly Dictionary<string, string?> settings;
    private readonly string? postgresDatabase;
    private RabbitMqVirtualHost? virtualHost;
    private TimeProvider? clock;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-tests", Guid.NewGuid().ToString("N"));

    private AutomationHost(Dictionary<string, string?> settings, string? postgresDatabase)
    {
        this.settings = settings;
        this.postgresDatabase = postgresDatabase;
    }

    public static AutomationHost Embedded(IDictionary<string, string?>? extra = null)
    {
        var host = new AutomationHost(Common(), null);
        host.settings["Automation:SqlitePath"] = Path.Combine(host.folder, "automation.db");
        host.Merge(extra);
        return host;
    }

    public static AutomationHost OnRabbitMqAndPostgres(IDictionary<string, string?>? extra = null)
    {
        var database = "automation_test_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new NpgsqlConnectionStringBuilder(TestServices.Require(TestServices.Postgres));
        using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            create.ExecuteNonQuery();
        }

        builder.Database = database;
        var vhost = RabbitMqVirtualHost.Create();
        var rabbit = vhost.Broker;
        var credentials = rabbit.UserInfo.Split(':');
        var s = Common();
        s["Automation:Database"] = "Postgres";
        s["Automation:PostgresConnectionString"] = builder.ConnectionString;
        s["Automation:Transport"] = "RabbitMq";
        s["Automation:RabbitMq:Host"] = rabbit.Host;
        s["Automation:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        s["Automation:RabbitMq:VirtualHost"] = vhost.Name;
        s["Automation:RabbitMq:Username"] = credentials[0];
        s["Automation:RabbitMq:Password"] = credentials.Length > 1 ? credentials[1] : "";
        var host = new AutomationHost(s, database) { virtualHost = vhost };
        host.Merge(extra);
        return host;
    }

    /// <summary>Runs the host on this clock instead of the system's (e.g. a ShiftedClock to jump to a customer's morning).</summary>
    public AutomationHost WithClock(TimeProvider time)
    {
        clock = time;
        return this;
    }

    /// <summary>The host's own RabbitMQ virtual host as an AMQP address (null on the embedded default).</summary>
    public Uri? RabbitMqAddress => virtualHost is null ? null
        : new Uri($"amqp://{virtualHost.Broker.UserInfo}@{virtualHost.Broker.Host}:{virtualHost.Broker.Port}/{Uri.EscapeDataString(virtualHost.Name)}");

    /// <summary>An HTTP client that authenticates with the test API key.</summary>
    public HttpClient ApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client signed in by cookie (the seeded admin: marketer, integrator and admin) with the anti-forgery header set.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = "admin@automation.local", string password = AdminPassword)
    {
        var client = CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/signin", new { email, password });
        signIn.EnsureSuccessStatusCode();
        var antiforgery = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    public async Task<HttpResponseMessage> PostEventsAsync(object batch)
    {
        using var client = ApiClient();
        return await client.PostAsJsonAsync("/api/events", batch);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (clock is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(TestServices.Require(TestServices.Postgres));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        virtualHost?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }

    private static Dictionary<string, string?> Common()
    {
        var (smtpHost, smtpPort) = TestServices.Get(TestServices.Smtp) is null ? ("127.0.0.1", 2525) : TestServices.SmtpEndpoint();
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Automation:SeedDemoData"] = "false",
            ["Automation:ApiKeys:0"] = ApiKey,
            ["Automation:Admin:Password"] = AdminPassword,
            ["Automation:PluginsPath"] = RepoPaths.Plugins,
            ["Automation:WorkflowsPath"] = RepoPaths.Workflows,
            ["Automation:Processing:PollInterval"] = "00:00:00.100",
            ["Automation:Plugins:Email:Smtp:Host"] = smtpHost,
            ["Automation:Plugins:Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Automation:Plugins:Email:Smtp:Security"] = "None",
        };
    }

    private void Merge(IDictionary<string, string?>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }
}
