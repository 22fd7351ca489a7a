using Automation.Composition.Configuration;
using Automation.Composition.Plugins;
using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Host.Configuration;
using Automation.Host.ErrorQueues;
using Automation.Host.Plugins;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// The bus on Automation:Transport (in-memory by default, RabbitMQ in production): the engine's consumers, and
    /// one queue per plugin action type with exponential retry and an error queue.
    /// </summary>
    public static void AddMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.ReadAutomationOptions();

        // The host reports started only once every queue is declared and bound: an event published to the bus door
        // (or an action sent) right after start-up would otherwise reach an exchange with no queue yet and be lost.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromMinutes(2);
            // When a broker channel closes, a receive endpoint reconnects only once every delivery it had in flight has
            // finished; one that never finishes (an acknowledgement lost with the channel) would leave the queue
            // without a consumer for good while the bus looks healthy. Bounded waits let it reconnect; connectors run
            // under their own timeouts, and a redelivery finds a finished hand-over's outcome (no second send).
            o.ConsumerStopTimeout = HandOverDeadline.Grace;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        if (options.Transport == TransportKind.RabbitMq)
        {
            builder.Services.AddSingleton<IErrorQueues, RabbitMqErrorQueues>();
            builder.Services.AddSingleton<RabbitMqQueueBacklog>();
            builder.Services.AddSingleton<IQueueBacklog>(sp => sp.GetRequiredService<RabbitMqQueueBacklog>());
            builder.Services.AddHostedService<ConsumerWatch>();
        }
        else
        {
            builder.Services.AddSingleton<IErrorQueues, ObservedFaults>();
            builder.Services.AddSingleton<IQueueBacklog, UnknownQueueBacklog>();
            builder.Services.AddSingleton<IMessageAudience, InProcessAudience>();
        }

        builder.Services.AddSingleton<HandOverDeadline>();
        builder.Services.AddMassTransit(x =>
        {
            // An engine holding customer data sends nothing anywhere it was not told to: no usage report to the vendor.
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConsumer<WorkflowTriggerConsumer>();
            x.AddConsumer<ActionOutcomeConsumer>(c => c.Options<BatchOptions>(o => o
                .SetMessageLimit(ActionOutcomeConsumer.BatchLimit)
                .SetTimeLimit(ActionOutcomeConsumer.BatchWindow)
                .SetConcurrencyLimit(1)))
                // A batch can only hold what the endpoint has taken off the queue: with the default prefetch, batches
                // stayed near seven outcomes while hundreds waited, and the one-at-a-time consumer fell behind.
                .Endpoint(e =>
                {
                    e.PrefetchCount = 2 * ActionOutcomeConsumer.BatchLimit;
                    e.ConcurrentMessageLimit = 2 * ActionOutcomeConsumer.BatchLimit;
                });
            x.AddConsumer<DispatchFaultConsumer>();
            x.AddConsumer<BehaviorEventsSubmittedConsumer>();
            x.AddConfigureEndpointsCallback((_, _, cfg) =>
                cfg.UseMessageRetry(r =>
                {
                    r.Exponential(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
                    r.Ignore<EventBatchRefusedException>();
                    r.Ignore<OutageOutlastedBudgetException>();
                }));

            if (options.Transport == TransportKind.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    ConfigureActionEndpoints(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    ConfigureActionEndpoints(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
    }

    private static void ConfigureActionEndpoints(IBusRegistrationContext context, IBusFactoryConfigurator cfg)
    {
        var catalog = context.GetRequiredService<ActionCatalog>();
        var dispatch = context.GetRequiredService<IOptions<AutomationOptions>>().Value.Dispatch;
        var services = new ConnectorServices(
            context.GetRequiredService<PluginRegistry>(),
            context.GetRequiredService<IDbContextFactory<AutomationDbContext>>(),
            context.GetRequiredService<DispatchOutcomeWriter>(),
            context.GetRequiredService<OutageRetry>(),
            dispatch,
            context.GetRequiredService<ILoggerFactory>(),
            context.GetRequiredService<TimeProvider>(),
            context.GetRequiredService<HandOverDeadline>(),
            context.GetRequiredService<ConnectorThrottles>());
        foreach (var action in catalog.All)
        {
            cfg.ReceiveEndpoint(action.Queue, e =>
            {
                // Commands are sent to this queue by name; it must not also receive every published DispatchAction.
                e.ConfigureConsumeTopology = false;
                if (typeof(BatchActionHandler).IsAssignableFrom(action.Descriptor.HandlerType))
                {
                    ConfigureBatchEndpoint(e, action, services, context.GetRequiredService<IErrorQueues>());
                    return;
                }

                // Connectors mostly wait on someone else's API: several deliveries in flight keep one slow call from
                // holding up the whole queue.
                e.PrefetchCount = dispatch.ConcurrentDeliveries;
                e.ConcurrentMessageLimit = dispatch.ConcurrentDeliveries;
                // Quick retries inside the delivery; longer waits are redeliveries scheduled in the database.
                e.UseMessageRetry(r =>
                {
                    r.Exponential(dispatch.RetryLimit, dispatch.RetryMinInterval, dispatch.RetryMaxInterval, dispatch.RetryMinInterval * 3);
                    r.Ignore<PermanentActionFailure>();
                    r.Ignore<OutageOutlastedBudgetException>();
                });
                e.Consumer(() => new PluginActionConsumer(
                    action,
                    services.Plugins,
                    services.Databases,
                    services.Outcomes,
                    services.Outage,
                    dispatch,
                    services.Loggers,
                    services.Clock,
                    services.Deadline,
                    services.Throttles));
            });
        }
    }

    /// <summary>
    /// A batch-capable connector takes up to its BatchSize dispatches at once, one batch at a time per process; the
    /// endpoint holds two batches' worth so the next fills while one runs. Retries of single actions happen inside the
    /// consumer (only the failed ones); the endpoint's retry only sees our own faults (a whole batch tried again finds
    /// its finished actions in the processed-dispatch table).
    /// </summary>
    private static void ConfigureBatchEndpoint(IReceiveEndpointConfigurator e, RegisteredAction action, ConnectorServices services, IErrorQueues errorQueues)
    {
        var size = Math.Max(1, action.Descriptor.BatchSize);
        e.PrefetchCount = 2 * size;
        e.ConcurrentMessageLimit = 2 * size;
        e.UseMessageRetry(r =>
        {
            r.Exponential(services.Settings.RetryLimit, services.Settings.RetryMinInterval, services.Settings.RetryMaxInterval, services.Settings.RetryMinInterval * 3);
            r.Ignore<OutageOutlastedBudgetException>();
        });
        var recorder = new BatchOutcomeRecorder(services, errorQueues);
        e.Batch<DispatchAction>(b =>
        {
            b.MessageLimit = size;
            b.TimeLimit = action.Descriptor.BatchWindow;
            b.ConcurrencyLimit = 1;
            b.Consumer(() => new PluginBatchConsumer(action, services, recorder));
        });
    }
}
