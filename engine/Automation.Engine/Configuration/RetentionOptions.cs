namespace Automation.Engine.Configuration;

/// <summary>How long raw events are kept; profiles, memberships, journals and the audit log are kept regardless.</summary>
public sealed class RetentionOptions
{
    /// <summary>Processed events received longer ago than this many days are deleted; 0 keeps them forever.</summary>
    public int EventDays { get; set; } = 400;

    /// <summary>How often compaction looks for events past retention.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events deleted per transaction, so that appends and processing go on between them.</summary>
    public int BatchSize { get; set; } = 5000;
}
