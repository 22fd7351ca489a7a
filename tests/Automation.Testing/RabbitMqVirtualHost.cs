using System.Diagnostics;

namespace Automation.Testing;

/// <summary>
/// A RabbitMQ virtual host of one test's own, made through scripts/test-services.sh, so engine hosts of
/// tests running side by side never share queues (hosts in one vhost compete for messages, as replicas do).
/// </summary>
public sealed class RabbitMqVirtualHost : IDisposable
{
    private RabbitMqVirtualHost(string name, Uri broker)
    {
        Name = name;
        Broker = broker;
    }

    public string Name { get; }

    /// <summary>The broker's address from AUTOMATION_TEST_RABBITMQ (its own vhost path is not used).</summary>
    public Uri Broker { get; }

    public static RabbitMqVirtualHost Create()
    {
        var broker = new Uri(TestServices.Require(TestServices.RabbitMq));
        var name = "automation-test-" + Guid.NewGuid().ToString("N")[..12];
        Run("vhost-add", name);
        return new RabbitMqVirtualHost(name, broker);
    }

    public void Dispose()
    {
        try
        {
            Run("vhost-delete", Name);
        }
        catch (InvalidOperationException)
        {
            // A vhost left behind costs nothing but a name; the test's outcome stands.
        }
    }

    /// <summary>Each queue as "name ready/unacknowledged/consumers", for a failing test's message.</summary>
    public string Queues()
    {
        try
        {
            return string.Join("; ", Run("vhost-queues", Name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split('\t', ' '))
                .Where(f => f.Length >= 4)
                .Select(f => $"{f[0]} {f[1]}/{f[2]}/{f[3]}"));
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    private static string Run(string command, string name)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "test-services.sh"), command, name])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/test-services.sh {command} {name} failed: {error.Result}");
        }

        return output;
    }
}
