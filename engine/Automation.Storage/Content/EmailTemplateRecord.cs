namespace Automation.Storage.Content;

/// <summary>An email in the template library: what email.send sends, by key, with Liquid placeholders.</summary>
public sealed class EmailTemplateRecord
{
    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string Subject { get; set; }

    /// <summary>The preview line mail clients show after the subject.</summary>
    public string Preheader { get; set; } = "";

    /// <summary>Sender name and address; empty uses the email plugin's configured sender.</summary>
    public string FromName { get; set; } = "";

    public string FromAddress { get; set; } = "";

    /// <summary>Sanitized on save (no script, no event handlers); CSS is inlined when rendered.</summary>
    public string Html { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>Counts saves; a sent email's outcome names the version it was rendered from.</summary>
    public int Version { get; set; }

    public bool BuiltIn { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
