namespace Automation.Plugins.Retargeting;

/// <summary>The retargeting.include / retargeting.exclude activity's input.</summary>
public sealed class AudienceInput
{
    /// <summary>The ad audience's name, e.g. "prospecting".</summary>
    public string? Audience { get; set; }
}
