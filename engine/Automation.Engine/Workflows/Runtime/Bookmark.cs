namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// Where an instance waits and how it wakes. Stored on the instance, so a restart resumes it.
/// </summary>
/// <param name="Key">"timer", "event:{type}", "action:{id}", "approval:{id}".</param>
/// <param name="WakeAt">When a timer or a timeout falls due.</param>
/// <param name="WakePort">The port taken when WakeAt falls due ("done" after a delay, "timeout" for an event wait).</param>
/// <param name="WaitingForEvent">The event type that resumes the instance on port "event".</param>
public sealed record Bookmark(string Key, DateTime? WakeAt = null, string? WakePort = null, string? WaitingForEvent = null);
