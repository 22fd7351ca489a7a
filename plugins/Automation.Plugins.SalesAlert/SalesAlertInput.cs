namespace Automation.Plugins.SalesAlert;

/// <summary>The sales.alert activity's input.</summary>
public sealed class SalesAlertInput
{
    /// <summary>The account owner's email address; they are emailed when SMTP is configured.</summary>
    public string? Owner { get; set; }

    /// <summary>A line from the workflow's author, e.g. "call within a day".</summary>
    public string? Note { get; set; }
}
