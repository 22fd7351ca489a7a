using Automation.Engine.Actions;
using Automation.Engine.Expressions;
using Automation.Engine.Rules;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Goals;
using Automation.Engine.Workflows.Runtime;
using Automation.Engine.Workflows.Schedules;
using Automation.Engine.Workflows.Simulation;
using Automation.Engine.Workflows.Versions;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Workflows;

/// <summary>Workflows: authoring and validation, the runtime that starts, runs and resumes instances, and its timers.</summary>
public static class WorkflowsSetup
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<WorkflowServices>();
        services.AddSingleton(sp => new ValidationServices(sp.GetRequiredService<ProfileExpressionCompiler>(), sp.GetRequiredService<ActionCatalog>(), sp.GetRequiredService<RuleSetCatalog>()));
        services.AddSingleton<IValidator<WorkflowDefinition>, WorkflowDefinitionValidator>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<PublishedTriggers>();
        services.AddSingleton<GoalWorkflows>();
        services.AddSingleton<GoalCheck>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<WorkflowStarter>();
        services.AddSingleton<WorkflowDoor>();
        services.AddSingleton<InstanceResumer>();
        services.AddSingleton<WorkflowService>();
        services.AddSingleton<WorkflowSimulator>();
        services.AddWorkflowDepth();
        services.AddSingleton<IRuleSetUsage, PublishedRuleSetUsage>();
        services.AddSingleton<IWatchedThresholds, ScoreCrossedThresholds>();
        services.AddHostedService<WorkflowTimerService>();
        services.AddSingleton<AudienceEntrance>();
        services.AddSingleton<ScheduledAudienceStarter>();
        services.AddSingleton<CurrentMembersStarter>();
        services.AddHostedService<ScheduledAudienceService>();
        return services;
    }
}
