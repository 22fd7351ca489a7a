using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Automation.Testing;

/// <summary>
/// The real host as a child process, run from its build output on the embedded default: a fresh SQLite file in a
/// temporary folder, the in-memory bus, the built plugins, the shipped workflows, email to the SMTP sink.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "browser-test-key";
    public const string AdminEmail = "admin@automation.local";
    public const string AdminPassword = "admin-password-1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, string folder, Uri baseAddress)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Where the retargeting plugin appends its audience CSV files (no ad platform is configured).</summary>
    public string AudiencesFolder => Path.Combine(folder, "audiences");

    /// <summary>Everything the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The folder holding the host's database; start again on the same folder to find its data.</summary>
    public string Folder => folder;

    /// <summary>The most memory the host process has held so far, in bytes, for benchmarks.</summary>
    public long PeakWorkingSet
    {
        get
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    /// <summary>CPU time the host process has used so far (both cores counted), for benchmarks.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts the host; pass the folder of an earlier (killed) host to restart on its database, and settings
    /// (environment variable names, e.g. Automation__WorkflowsPath) to override the defaults below. A start (with its
    /// migrations) may take up to startTimeout (60 s unless given) before /health answers.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string? existingFolder = null, bool requireDesigner = true, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? startTimeout = null)
    {
        if (!File.Exists(RepoPaths.HostDll))
        {
            throw new InvalidOperationException($"{RepoPaths.HostDll} does not exist: run `dotnet build engine/Automation.Host` first");
        }

        if (requireDesigner && !File.Exists(RepoPaths.DesignerIndex))
        {
            throw new InvalidOperationException($"{RepoPaths.DesignerIndex} does not exist: the web app is not built; run `npm ci && npm run build` in engine/designer");
        }

        if (!Directory.Exists(RepoPaths.Plugins))
        {
            throw new InvalidOperationException($"{RepoPaths.Plugins} does not exist: build the solution (the plugins build into artifacts/plugins)");
        }

        var folder = existingFolder ?? Path.Combine(Path.GetTempPath(), "automation-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var (smtpHost, smtpPort) = TestServices.Get(TestServices.Smtp) is null ? ("127.0.0.1", 2525) : TestServices.SmtpEndpoint();

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { RepoPaths.HostDll, "--contentRoot", RepoPaths.HostProject, "--urls", baseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>
        {
            ["Automation__SqlitePath"] = Path.Combine(folder, "automation.db"),
            ["Automation__SeedDemoData"] = "false",
            ["Automation__Admin__Email"] = AdminEmail,
            ["Automation__Admin__Password"] = AdminPassword,
            ["Automation__ApiKeys__0"] = ApiKey,
            ["Automation__PluginsPath"] = RepoPaths.Plugins,
            ["Automation__WorkflowsPath"] = RepoPaths.Workflows,
            ["Automation__Plugins__Email__Smtp__Host"] = smtpHost,
            ["Automation__Plugins__Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Automation__Plugins__Retargeting__ExportFolder"] = Path.Combine(folder, "audiences"),
            // Empty: no quiet hours, so an email or an approved action never waits for the customer's morning.
            ["Automation__Dispatch__QuietHoursStart"] = "",
            ["Automation__Processing__PollInterval"] = "00:00:00.1",
            // Browser tests build ad audiences of one customer; real platforms would refuse them (default 100).
            ["Automation__Dispatch__MinimumAudienceSize"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, folder, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await host.WaitUntilHealthyAsync(startTimeout ?? StartTimeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>A client that authenticates with the configured API key.</summary>
    public HttpClient ApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client signed in as the admin: the session cookie, and the anti-forgery header on every request.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var signIn = await client.PostAsJsonAsync("/api/auth/signin", new { email = AdminEmail, password = AdminPassword });
            signIn.EnsureSuccessStatusCode();
            var antiforgery = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/antiforgery");
            client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process at once (no graceful shutdown) and keeps its folder, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
        finally
        {
            process.Dispose();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by an exiting process; the OS cleans the temp folder
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before GET /health answered 200. Its output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"GET /health answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "GET /health timed out";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the host did not answer GET /health with 200 within {timeout.TotalSeconds:0} s ({last}). Its output:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the recent part: a failure message needs the end of the log, not all of it.
            if (output.Length > 1_000_000)
            {
                output.Remove(0, output.Length / 2);
            }

            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
