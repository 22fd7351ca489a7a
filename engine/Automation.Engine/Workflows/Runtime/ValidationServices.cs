using Automation.Engine.Actions;
using Automation.Engine.Expressions;
using Automation.Engine.Rules;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>What activity validation may consult: the expression compiler, the action catalog and the rule sets.</summary>
public sealed record ValidationServices(ProfileExpressionCompiler Expressions, ActionCatalog Actions, IRuleSetLookup? RuleSets = null);
