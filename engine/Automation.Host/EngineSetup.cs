using Automation.Engine.Rules;
using Automation.Engine.Approvals;
using Automation.Engine.Dispatch;
using Automation.Engine.Events;
using Automation.Engine.Expressions;
using Automation.Engine.Messaging;
using Automation.Engine.Processing;
using Automation.Engine.Privacy;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Automation.Host;

public static class EngineSetup
{
    /// <summary>
    /// Compiles the stored segments at start-up, once the database is migrated and seeded: otherwise the first event batch
    /// pays for it, and a definition that no longer compiles is reported only then.
    /// </summary>
    public static async Task CompileSegmentsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<SegmentCatalog>().CurrentAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>The engine's domain services and its background loops (event processing, timers, outbox relay).</summary>
    public static void AddEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IValidator<IncomingEvent>, IncomingEventValidator>();
        services.AddSingleton<EventProcessingSignal>();
        services.AddSingleton<EventTail>();
        services.AddSingleton<EventInbox>();
        services.AddSingleton<EventIngestion>();
        services.AddSingleton<ProfileUpdater>();
        services.AddSingleton<FeatureCalculator>();
        services.AddSingleton<ProfileExpressionCompiler>();
        services.AddSingleton<SegmentCatalog>();
        services.AddSingleton<ProfileWriteGate>();
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<SegmentSweeper>();
        services.AddSingleton<ExpressionTrial>();
        services.TryAddSingleton<CustomerPseudonyms>();
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<DispatchGuards>();
        services.AddSingleton<DispatchPipeline>();
        services.AddSingleton<DispatchOutcomeWriter>();
        services.AddSingleton<OutageRetry>();
        services.AddSingleton<ActionResolution>();
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<WorkflowServices>();
        services.AddSingleton<RuleSetCompiler>();
        services.AddSingleton<RuleSetCatalog>();
        services.AddSingleton<RuleSetService>();
        services.AddSingleton(sp => new ValidationServices(sp.GetRequiredService<ProfileExpressionCompiler>(), sp.GetRequiredService<ActionCatalog>(), sp.GetRequiredService<RuleSetCatalog>()));
        services.AddSingleton<IValidator<WorkflowDefinition>, WorkflowDefinitionValidator>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<PublishedTriggers>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<WorkflowStarter>();
        services.AddSingleton<InstanceResumer>();
        services.AddSingleton<WorkflowService>();
        services.AddSingleton<Automation.Engine.Workflows.Simulation.WorkflowSimulator>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<EventFiler>();
        services.AddEventProcessing();
        services.AddSingleton<ProcessingTimings>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService<InFlightDispatchRecovery>();
        services.AddHostedService<OverdueOutcomeReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddHostedService<SegmentSweepService>();
        services.AddHostedService<WorkflowTimerService>();
        services.AddSingleton<Automation.Engine.Scoring.RfmScorer>();
        services.AddSingleton<Automation.Engine.Discovery.CustomerClustering>();
        services.AddHostedService<Automation.Engine.Scoring.RfmRefreshService>();
        services.AddScoreModels();
        Automation.Engine.Events.Retention.RetentionSetup.AddEventRetention(services);
    }
}
