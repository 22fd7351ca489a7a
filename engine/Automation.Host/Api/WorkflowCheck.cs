using Automation.Engine.Workflows.Authoring;

namespace Automation.Host.Api;

/// <summary>Whether a definition is valid, with every problem.</summary>
public sealed record WorkflowCheck(bool Valid, IReadOnlyList<DefinitionProblem> Problems);
