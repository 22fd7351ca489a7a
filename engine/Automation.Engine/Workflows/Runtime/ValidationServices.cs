using Automation.Engine.Dispatch;
using Automation.Engine.Expressions;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>What activity validation may consult: the expression compiler and the action catalog.</summary>
public sealed record ValidationServices(ProfileExpressionCompiler Expressions, ActionCatalog Actions);
