namespace Automation.Plugins.Email;

/// <summary>A subject and HTML and text bodies with {{ placeholders }} for customer fields.</summary>
public sealed class EmailTemplate
{
    public string Subject { get; set; } = "";

    public string Html { get; set; } = "";

    public string Text { get; set; } = "";
}
