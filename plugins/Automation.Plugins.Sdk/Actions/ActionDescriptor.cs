namespace Automation.Plugins.Sdk;

/// <summary>An action type a plugin adds to the designer's palette and to the dispatch pipeline.</summary>
public sealed record ActionDescriptor
{
    /// <summary>Dotted name, e.g. "email.send"; also names its queue ("action-email.send").</summary>
    public required string Type { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Channel for consent and frequency caps: "email", "ads", "sales", or the plugin's own.</summary>
    public required string Channel { get; init; }

    /// <summary>JSON schema (draft 2020-12 subset) of the activity input; the designer builds its form from it.</summary>
    public required string InputSchema { get; init; }

    /// <summary>Spends money: waits for a human approval and counts against the workflow's daily budget.</summary>
    public bool BudgetAffecting { get; init; }

    /// <summary>Estimated cost of one dispatch, in the account currency.</summary>
    public decimal EstimatedCost { get; init; }

    /// <summary>
    /// Carrying out the same action twice has the effect of once (the external system honours the idempotency key, or
    /// the operation is naturally repeatable, like adding someone to an audience). An action of such a type whose
    /// outcome is overdue is simply dispatched again; otherwise a person decides (resend, mark as sent, cancel).
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// The longest one call of the handler should take. The engine counts an outcome as overdue this long plus
    /// Automation:Dispatch:OutcomeGrace after the dispatch.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// With a <see cref="BatchActionHandler"/>: the most actions handed to one call. The host waits up to
    /// <see cref="BatchWindow"/> for a batch to fill; whatever has arrived by then goes.
    /// </summary>
    public int BatchSize { get; init; } = 100;

    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How fast the connector's system takes work; null: as fast as it answers. Automation:Dispatch:RateLimits overrides it.</summary>
    public ActionRateLimit? RateLimit { get; init; }

    /// <summary>The handler class; registered by the plugin in ConfigureServices.</summary>
    public required Type HandlerType { get; init; }
}
