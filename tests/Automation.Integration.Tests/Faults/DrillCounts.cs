namespace Automation.Integration.Tests.Faults;

/// <summary>What a fault drill counted after recovery: at the producer, in the API, at the SMTP sink and in the error queues.</summary>
public sealed record DrillCounts(
    int AcceptedFirstTime,
    int Accepted,
    int Stored,
    IReadOnlyDictionary<string, int> ActionsByStatus,
    int InstancesCompleted,
    int Emails,
    int Recipients,
    int Duplicates,
    int DuplicatesWithOneMessageId,
    int DuplicatedRecipients,
    int ErrorQueueMessages,
    string Unsettled,
    string Backlog)
{
    public int Completed => ActionsByStatus.GetValueOrDefault("completed");

    public override string ToString() =>
        $"events accepted first time {AcceptedFirstTime}, accepted {Accepted}, stored {Stored}; actions {string.Join(", ", ActionsByStatus.Select(s => $"{s.Key} {s.Value}"))}; " +
        $"instances completed {InstancesCompleted}; emails {Emails} to {Recipients} recipients, {Duplicates} duplicates " +
        $"({DuplicatesWithOneMessageId} of {DuplicatedRecipients} repeated recipients with one Message-ID); error-queue messages {ErrorQueueMessages}" +
        (Unsettled.Length > 0 ? $"; not completed, e.g.: {Unsettled}; {Backlog}" : "");
}
