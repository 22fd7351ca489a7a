namespace Automation.Plugins.Sdk.Mail;

/// <summary>
/// One email as a connector wants it sent. <see cref="MessageId"/> should come from
/// <see cref="ActionRequest.EmailMessageId"/>, so a copy sent again after a crash carries the same id.
/// </summary>
public sealed record OutgoingEmail(string FromName, string FromAddress, string ToAddress, string Subject)
{
    public string? ToName { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? MessageId { get; init; }

    /// <summary>Extra headers in order (List-Unsubscribe, X-Automation-Action, ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
