using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>The engine services activities use while they run.</summary>
public sealed class WorkflowServices(ProfileExpressionCompiler expressions, ActionCatalog actions, DispatchPipeline dispatch, IOptions<AutomationOptions> options)
{
    public ProfileExpressionCompiler Expressions { get; } = expressions;

    public ActionCatalog Actions { get; } = actions;

    public DispatchPipeline Dispatch { get; } = dispatch;

    public AutomationOptions Options { get; } = options.Value;
}
