namespace Automation.Engine.Events;

/// <summary>Why one item of a batch was refused: its index, the field, the reason.</summary>
public sealed record EventItemError(int? Index, string Field, string Reason);
