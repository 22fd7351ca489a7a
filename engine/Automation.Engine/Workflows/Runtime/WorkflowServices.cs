using Automation.Engine.Configuration;
using Automation.Engine.Actions;
using Automation.Engine.Expressions;
using Automation.Engine.Rules;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>The engine services activities use while they run.</summary>
public sealed class WorkflowServices(ProfileExpressionCompiler expressions, ActionCatalog actions, IActionDispatch dispatch, RuleSetCatalog ruleSets, IOptions<AutomationOptions> options)
{
    public ProfileExpressionCompiler Expressions { get; } = expressions;

    public ActionCatalog Actions { get; } = actions;

    public IActionDispatch Dispatch { get; } = dispatch;

    public RuleSetCatalog RuleSets { get; } = ruleSets;

    public AutomationOptions Options { get; } = options.Value;
}
