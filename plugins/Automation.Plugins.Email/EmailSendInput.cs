namespace Automation.Plugins.Email;

/// <summary>The email.send activity's input.</summary>
public sealed class EmailSendInput
{
    /// <summary>A template name (built in or configured).</summary>
    public string? Template { get; set; }

    /// <summary>Overrides the template's subject.</summary>
    public string? Subject { get; set; }

    /// <summary>Overrides the sender's address (an Elsa SendEmail's "from").</summary>
    public string? From { get; set; }

    /// <summary>Overrides the template's body with this text ({{placeholders}} from the profile).</summary>
    public string? Body { get; set; }
}
