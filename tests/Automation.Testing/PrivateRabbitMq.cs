using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Automation.Testing;

/// <summary>
/// A RabbitMQ node of one test's own (Debian's rabbitmq-server scripts, own node name, AMQP and distribution ports,
/// data folder and Erlang cookie under a temporary folder), for tests that stop the broker: the shared one serves
/// everybody else's tests and is never stopped. Its data survives a stop, so durable queues come back on start.
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private const string BinFolder = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string folder;
    private readonly StringBuilder output = new();
    private Process? server;

    private PrivateRabbitMq(string folder, string node, int port, int distributionPort)
    {
        this.folder = folder;
        Node = node;
        Port = port;
        DistributionPort = distributionPort;
    }

    public string Node { get; }

    public int Port { get; }

    public int DistributionPort { get; }

    public static bool Installed => OperatingSystem.IsLinux() && File.Exists(Path.Combine(BinFolder, "rabbitmq-server"));

    public static async Task<PrivateRabbitMq> StartAsync()
    {
        if (!OperatingSystem.IsLinux() || !Installed)
        {
            throw new InvalidOperationException($"{BinFolder}/rabbitmq-server is missing (apt-get install rabbitmq-server)");
        }

        var id = Guid.NewGuid().ToString("N")[..10];
        var folder = Path.Combine(Path.GetTempPath(), "automation-rabbitmq", id);
        var home = Path.Combine(folder, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(folder, "mnesia"));
        Directory.CreateDirectory(Path.Combine(folder, "log"));
        var cookie = Path.Combine(home, ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, Guid.NewGuid().ToString("N").ToUpperInvariant());
        File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"), "loopback_users.guest = true\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "");

        var broker = new PrivateRabbitMq(folder, $"automation-test-{id}@localhost", FreePort(), FreePort());
        await broker.StartNodeAsync();
        return broker;
    }

    /// <summary>The broker's address for the default virtual host.</summary>
    public Uri Address => new($"amqp://guest:guest@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Stops the node the way an operator would (rabbitmqctl stop), and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        await CtlAsync("stop");
        if (server is { } process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            process.Dispose();
            server = null;
        }
    }

    /// <summary>Starts the node again on the same data folder.</summary>
    public Task StartAgainAsync() => StartNodeAsync();

    public async ValueTask DisposeAsync()
    {
        if (server is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            process.Dispose();
            server = null;
        }

        // The Erlang VM outlives the launcher script; stop it by its node name (only ours), then forget the folder.
        try
        {
            await CtlAsync("stop");
        }
        catch (InvalidOperationException)
        {
            // not running
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // files still held by an exiting VM; the OS cleans the temp folder
        }
        catch (UnauthorizedAccessException)
        {
            // the cookie is read-only; the OS cleans the temp folder
        }
    }

    private async Task StartNodeAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(BinFolder, "rabbitmq-server"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Environment(start);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server = process;

        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server {Node} exited with {process.ExitCode} while starting:\n{Output}");
            }

            if (await AnswersAmqpAsync())
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"rabbitmq-server {Node} did not accept AMQP on port {Port} within {StartTimeout.TotalSeconds:0} s:\n{Output}");
    }

    private void Environment(ProcessStartInfo start)
    {
        var env = start.Environment;
        env["HOME"] = Path.Combine(folder, "home");
        env["LC_ALL"] = "C.UTF-8";
        env["LANG"] = "C.UTF-8";
        env["RABBITMQ_NODENAME"] = Node;
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
        env["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid");
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
        env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf");
    }

    private async Task CtlAsync(string command)
    {
        var start = new ProcessStartInfo(Path.Combine(BinFolder, "rabbitmqctl"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(Node);
        start.ArgumentList.Add(command);
        Environment(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        var error = process.StandardError.ReadToEndAsync();
        var text = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl -n {Node} {command} failed ({process.ExitCode}): {text} {await error}");
        }
    }

    /// <summary>The AMQP 0-9-1 header answered with a frame: the node is up, not just its port.</summary>
    private async Task<bool> AnswersAmqpAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token);
            var frame = new byte[1];
            return await stream.ReadAsync(frame, timeout.Token) == 1 && frame[0] == 1;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
