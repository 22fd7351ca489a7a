namespace Automation.Plugins.Retargeting;

/// <summary>The plugin's section, Automation:Plugins:Retargeting. From configuration or secrets only, never from workflow JSON.</summary>
public sealed class RetargetingSettings
{
    /// <summary>The ad platform's audience API, e.g. https://ads.example.com/v1; empty means "export to CSV instead".</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as "Authorization: Bearer {AccessToken}".</summary>
    public string? AccessToken { get; set; }

    /// <summary>Where {audience}.csv files are appended to when there is no BaseUrl.</summary>
    public string? ExportFolder { get; set; }

    /// <summary>Most members in one API request (at most 10,000).</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Country calling code (digits, e.g. "1" or "49") for phone numbers stored without one.</summary>
    public string? DefaultCountryCode { get; set; }

    /// <summary>How long one API request may take before it counts as a retryable timeout.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
