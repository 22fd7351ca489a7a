namespace Automation.Storage.Outbox;

/// <summary>
/// An email a connector would have sent when no SMTP server is configured: kept in the built-in outbox (a mail
/// catcher the web app shows) instead of failing, so a fresh demo delivers everything somewhere a person can read.
/// </summary>
public sealed class CaughtEmail
{
    public Guid Id { get; set; }

    public DateTime CaughtAt { get; set; }

    /// <summary>The connector that sent it (Email, SalesAlert).</summary>
    public required string Plugin { get; set; }

    public required string FromName { get; set; }

    public required string FromAddress { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public string? Text { get; set; }

    public string? Html { get; set; }

    /// <summary>The extra headers (List-Unsubscribe, X-Automation-Action, ...) as a JSON object.</summary>
    public string HeadersJson { get; set; } = "{}";
}
