using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Support;

/// <summary>
/// The real host in-process on a chosen stack: the embedded default (a fresh SQLite file, in-memory bus) or
/// RabbitMQ + a fresh PostgreSQL database. Plugins load from the built plugins folder; email goes to the SMTP sink.
/// </summary>
public sealed class AutomationHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789";

    private readonly Dictionary<string, string?> settings;
    private BrokerAndDatabase? ownedBackends;
    private BrokerAndDatabase? backends;
    private TimeProvider? clock;
    private Action<IServiceCollection>? testServices;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "automation-tests", Guid.NewGuid().ToString("N"));

    private AutomationHost(Dictionary<string, string?> settings)
    {
        this.settings = settings;
    }

    public static AutomationHost Embedded(IDictionary<string, string?>? extra = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var host = new AutomationHost(Common()) { clock = clock, testServices = services };
        host.settings["Automation:SqlitePath"] = Path.Combine(host.folder, "automation.db");
        host.Merge(extra);
        return host;
    }

    /// <summary>A host on a fresh PostgreSQL database and RabbitMQ vhost of its own, dropped with it.</summary>
    public static AutomationHost OnRabbitMqAndPostgres(IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var backends = BrokerAndDatabase.Create();
        var host = OnRabbitMqAndPostgres(backends, extra, services);
        host.ownedBackends = backends;
        return host;
    }

    /// <summary>A host on a database and vhost that other hosts may share; the caller disposes them after the hosts.</summary>
    public static AutomationHost OnRabbitMqAndPostgres(BrokerAndDatabase backends, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var s = Common();
        foreach (var (key, value) in backends.Settings())
        {
            s[key] = value;
        }

        var host = new AutomationHost(s) { backends = backends, testServices = services };
        host.Merge(extra);
        return host;
    }

    /// <summary>The host's own RabbitMQ virtual host as an AMQP address (null on the embedded default).</summary>
    public Uri? RabbitMqAddress => backends?.RabbitMqAddress;

    /// <summary>An HTTP client that authenticates with the test API key.</summary>
    public HttpClient ApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
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

        if (clock is { } shifted)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(shifted));
        }

        if (testServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
    }

    /// <summary>A temporary folder of this host's own, removed with it (exports, extra workflow files).</summary>
    public string Folder => folder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        ownedBackends?.Dispose();
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
            ["Automation:Admin:Password"] = PersonClient.AdminPassword,
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
