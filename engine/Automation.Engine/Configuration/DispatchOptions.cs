namespace Automation.Engine.Configuration;

public sealed class DispatchOptions
{
    /// <summary>At most this many marketing actions per channel and customer within FrequencyCapWindow.</summary>
    public IDictionary<string, int> FrequencyCaps { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["email"] = 1 };

    public TimeSpan FrequencyCapWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Local hour (customer's time zone) from which actions are held; 0..23. Null: no quiet hours.</summary>
    public int? QuietHoursStart { get; set; } = 21;

    /// <summary>Local hour at which held actions go out.</summary>
    public int? QuietHoursEnd { get; set; } = 8;

    /// <summary>Channels quiet hours apply to.</summary>
    public IList<string> QuietHoursChannels { get; } = ["email", "sms"];

    /// <summary>Daily budget per workflow for budget-affecting actions.</summary>
    public decimal DailyBudgetPerWorkflow { get; set; } = 500m;

    /// <summary>
    /// Ad platforms refuse audiences below a size (Meta's floor is 100 matched people); an audience action goes out only
    /// when the segment behind it has at least its own MinimumSize members, or this many when it sets none.
    /// </summary>
    public int MinimumAudienceSize { get; set; } = 100;

    /// <summary>Channels whose actions change an ad audience, so the minimum audience size applies.</summary>
    public IList<string> AudienceChannels { get; } = ["ads"];

    /// <summary>An undecided approval request expires after this and counts as rejected.</summary>
    public TimeSpan ApprovalExpiry { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// When this many budget-affecting requests of one workflow version's step wait within ApprovalGroupWindow, they
    /// become one grouped approval (later arrivals join it until it is decided). Below 2: never grouped.
    /// </summary>
    public int ApprovalGroupSize { get; set; } = 10;

    public TimeSpan ApprovalGroupWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Deliveries of one action type carried out at the same time (per engine process).</summary>
    public int ConcurrentDeliveries { get; set; } = 16;

    /// <summary>Retries inside one delivery, with exponential back-off from RetryMinInterval up to RetryMaxInterval.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a delivery's retries are spent on retryable failures, the action is redelivered this many more times,
    /// each after a delay kept in the database (RedeliveryInterval, then 4×, 16×, …), before it counts as failed.
    /// </summary>
    public int Redeliveries { get; set; } = 3;

    public TimeSpan RedeliveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a failure of our own database (or broker) is waited out, retrying with back-off, before a dispatch or
    /// an outcome counts as failed: an outage is not the connector's fault.
    /// </summary>
    public TimeSpan OutageBudget { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An outcome is overdue this long after the connector's own timeout; the reconciler then steps in.</summary>
    public TimeSpan OutcomeGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Per action type, a timeout that replaces the one its connector declares (the operator knows their relay).</summary>
    public IDictionary<string, TimeSpan> ActionTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// Per action type, a rate limit that replaces the one its connector declares: "14/s", "600/min", "60 calls/min",
    /// or "none". Actions beyond it wait their turn.
    /// </summary>
    public IDictionary<string, string> RateLimits { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How often overdue outcomes are looked for.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An overdue action of an idempotent connector is dispatched again this many times before a person decides.</summary>
    public int OverdueRedispatches { get; set; } = 3;
}
