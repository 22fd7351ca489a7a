namespace Automation.Engine.Processing.Quarantine;

/// <summary>A customer set aside, as the web app and the API show it.</summary>
public sealed record QuarantinedCustomerView(
    string CustomerId,
    string Stage,
    string Error,
    IReadOnlyList<string> EventIds,
    int EventsHeld,
    int Attempts,
    DateTime FirstFailedAt,
    DateTime LastFailedAt,
    bool RetryRequested,
    DateTime? RetryRequestedAt,
    bool FromEarlierDeployment);
