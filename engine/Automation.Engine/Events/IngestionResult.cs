namespace Automation.Engine.Events;

/// <summary>What happened to a batch: all stored (minus duplicates), or refused whole with every error.</summary>
public sealed record IngestionResult(int Accepted, int Duplicates, IReadOnlyList<EventItemError> Errors)
{
    public bool Rejected => Errors.Count > 0;

    public static IngestionResult Refused(IReadOnlyList<EventItemError> errors) => new(0, 0, errors);
}
