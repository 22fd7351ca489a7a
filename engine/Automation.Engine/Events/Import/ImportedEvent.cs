namespace Automation.Engine.Events.Import;

/// <summary>An event built from one or more CSV rows, with the line it started on (for the summary if it is refused).</summary>
public sealed record ImportedEvent(long Line, IncomingEvent Event);
