using System.Net.Sockets;
using Automation.Composition.Configuration;
using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Configuration;

/// <summary>Fails start-up with one clear message when a setting is wrong or what it points to does not answer.</summary>
public static partial class StartupChecks
{
    public static async Task CheckStartupAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        AutomationOptions options;
        try
        {
            options = app.Services.GetRequiredService<IOptions<AutomationOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw Fail(app, string.Join("; ", ex.Failures), ex);
        }

        if (options.Transport == TransportKind.RabbitMq && !await AnswersAsync(options.RabbitMq.Host, options.RabbitMq.Port))
        {
            throw Fail(app, $"Automation:RabbitMq:Host — RabbitMQ at {options.RabbitMq.Host}:{options.RabbitMq.Port} does not answer (Automation:Transport is RabbitMq)", null);
        }

        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        try
        {
            if (options.Database == DatabaseKind.Sqlite)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await db.Database.OpenConnectionAsync();
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var setting = options.Database == DatabaseKind.Postgres ? "Automation:PostgresConnectionString" : "Automation:SqlitePath";
            throw Fail(app, $"{setting} — the {options.Database} database cannot be opened: {ex.GetBaseException().Message}", ex);
        }
    }

    private static StartupException Fail(WebApplication app, string message, Exception? inner)
    {
        LogStartupFailed(app.Logger, message);
        return inner is null ? new StartupException(message) : new StartupException(message, inner);
    }

    private static async Task<bool> AnswersAsync(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Automation cannot start: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);
}
