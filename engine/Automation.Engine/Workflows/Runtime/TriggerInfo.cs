using Automation.Plugins.Sdk;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>Why an instance started; kept on the instance and passed to connectors as context.</summary>
public sealed record TriggerInfo(string Type, string? Segment, IReadOnlyList<ReasonCode> Reasons, string? Event = null);
