using Automation.Engine.Approvals;
using Automation.Engine.Cluster;
using Automation.Engine.Content;
using Automation.Engine.Discovery;
using Automation.Engine.Dispatch;
using Automation.Engine.Events;
using Automation.Engine.Events.Retention;
using Automation.Engine.Expressions;
using Automation.Engine.Mail;
using Automation.Engine.Messaging;
using Automation.Engine.Privacy;
using Automation.Engine.Processing;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Engine.Scoring;
using Automation.Engine.Segments;
using Automation.Engine.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine;

/// <summary>
/// The engine's services, feature by feature along the data flow, each feature registering its own. The host, the
/// command line and the tests compose the same engine from this one call, after choosing storage and the bus.
/// </summary>
public static class EngineServices
{
    public static IServiceCollection AddAutomationEngine(this IServiceCollection services) =>
        services
            .AddCluster()
            .AddEvents()
            .AddEventRetention()
            .AddProfiles()
            .AddExpressions()
            .AddScoring()
            .AddSegments()
            .AddRules()
            .AddWorkflows()
            .AddApprovals()
            .AddEmailContent()
            .AddMail()
            .AddDispatch()
            .AddPrivacy()
            .AddOutbox()
            .AddEventProcessing()
            .AddDiscovery();
}
