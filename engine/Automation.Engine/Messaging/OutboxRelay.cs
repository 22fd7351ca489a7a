using System.Diagnostics;
using System.Text.Json;
using Automation.Engine.Telemetry;
using Automation.Storage;
using Automation.Storage.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Messaging;

/// <summary>
/// Sends committed outbox messages to the bus, oldest first, and deletes each once the transport took it.
/// Delivery is at least once; every consumer is idempotent. A published message that the <see cref="IMessageAudience"/>
/// says nobody hears is deleted unsent.
/// </summary>
public sealed partial class OutboxRelay(
    IServiceScopeFactory scopes,
    IDbContextFactory<AutomationDbContext> databases,
    OutboxSignal signal,
    ILogger<OutboxRelay> logger,
    IMessageAudience? audience = null) : BackgroundService
{
    private const int BatchSize = 200;

    /// <summary>
    /// A batch's sends normally take well under a second. A send can wait for ever on a broker confirm lost with its
    /// channel; the relay then gives up on what is unconfirmed, which stays in the outbox and goes again.
    /// </summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RelayOnceAsync(stoppingToken);
                if (sent < BatchSize)
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(250), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);

        await using var claim = await db.ClaimOutboxAsync(BatchSize, cancellationToken);
        var messages = claim.Messages;
        if (messages.Count == 0)
        {
            return 0;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(SendTimeout);
        var sending = bounded.Token;
        using var scope = scopes.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var senders = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
        // What the transport took is deleted even when a later send fails (a broker going down mid-batch),
        // so only the unsent part goes again: re-sending the sent part would queue those messages twice.
        var sent = new List<OutboxMessage>(messages.Count);
        try
        {
            // Commands to an action queue go out together: on RabbitMQ each send waits for the broker's confirm, and
            // one after the other that wait alone capped dispatch near 130 actions/s. Published events keep their
            // order (a segment entered before it is exited), so they go one by one.
            var commands = messages.Where(m => m.Destination is not null).ToList();
            var sends = commands.Select(m => SendAsync(publisher, senders, m, sending)).ToArray();
            try
            {
                await Task.WhenAll(sends).WaitAsync(sending);
            }
            finally
            {
                sent.AddRange(commands.Where((_, i) => sends[i].IsCompletedSuccessfully));
            }

            foreach (var message in messages.Where(m => m.Destination is null))
            {
                if (message.MessageType == OutboxEnvelope.TypeName)
                {
                    await PublishEnvelopeAsync(db, publisher, message, sending);
                }
                else
                {
                    await SendAsync(publisher, senders, message, sending).WaitAsync(sending);
                }

                sent.Add(message);
            }
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OutboxSendTimeoutException(messages.Count - sent.Count, SendTimeout);
        }
        finally
        {
            // One statement for the lot: change-tracked, each row was a DELETE of its own.
            var ids = sent.Select(m => m.Id).ToList();
            if (ids.Count > 0)
            {
                await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None);
            }

            await claim.CommitAsync(CancellationToken.None);
        }

        return sent.Count;
    }

    /// <summary>
    /// Publishes an envelope's messages in order, each with its own id. When one fails, the row keeps only the messages
    /// not yet published, so that a retry does not publish the others twice.
    /// </summary>
    private async Task PublishEnvelopeAsync(AutomationDbContext db, IPublishEndpoint publisher, OutboxMessage envelope, CancellationToken cancellationToken)
    {
        var items = OutboxEnvelope.Read(envelope.Body);
        using var span = ContinueTrace(envelope);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var type = MessageTypes.Resolve(items[i].Type);
                var id = items[i].Id;
                var message = items[i].Body.Deserialize(type, MessageTypes.Json)!;
                if (audience is null || await audience.HearsAsync(message, cancellationToken))
                {
                    await publisher.Publish(message, type, ctx => ctx.MessageId = id, cancellationToken).WaitAsync(cancellationToken);
                }
            }
            catch when (i > 0)
            {
                var rest = OutboxEnvelope.Write(items.Skip(i));
                await db.Outbox.Where(m => m.Id == envelope.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, rest), CancellationToken.None);
                throw;
            }
        }
    }

    private async Task SendAsync(IPublishEndpoint publisher, ISendEndpointProvider senders, OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = MessageTypes.Resolve(message.MessageType);
        var body = JsonSerializer.Deserialize(message.Body, type, MessageTypes.Json)!;
        using var span = ContinueTrace(message);
        if (message.Destination is null)
        {
            if (audience is not null && !await audience.HearsAsync(body, cancellationToken))
            {
                return;
            }

            await publisher.Publish(body, type, ctx => ctx.MessageId = message.MessageId, cancellationToken);
        }
        else
        {
            var endpoint = await senders.GetSendEndpoint(new Uri($"queue:{message.Destination}"));
            await endpoint.Send(body, type, ctx => ctx.MessageId = message.MessageId, cancellationToken);
        }
    }

    /// <summary>A span in the trace that wrote the message; the bus's own send span (and the consumer's) follow from it.</summary>
    private static Activity? ContinueTrace(OutboxMessage message) =>
        message.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var parent)
            ? EngineTelemetry.Start("outbox relay", parent, ActivityKind.Producer)
            : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception ex);
}
