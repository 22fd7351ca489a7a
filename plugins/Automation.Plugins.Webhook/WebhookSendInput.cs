namespace Automation.Plugins.Webhook;

/// <summary>The webhook.send activity's input.</summary>
public sealed class WebhookSendInput
{
    public string? Method { get; set; }

    public string? Url { get; set; }

    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>JSON text with {{placeholders}} from the customer snapshot; values are JSON-escaped.</summary>
    public string? Body { get; set; }
}
