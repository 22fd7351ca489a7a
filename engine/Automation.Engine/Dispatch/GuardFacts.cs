using Automation.Storage;

namespace Automation.Engine.Dispatch;

/// <summary>
/// What the consent and frequency guards ask about customers, loaded for a whole page of them at once (their
/// suppression entries and their recent actions counted per channel) and kept in the unit of work's memo: the guards
/// then answer from here instead of two queries per action. A customer the page did not load is asked about alone.
/// </summary>
public sealed class GuardFacts
{
    private const string MemoKey = "dispatch-guard-facts";

    public GuardFacts(DateTime since)
    {
        Since = since;
    }

    /// <summary>The start of the frequency window the counts were taken from.</summary>
    public DateTime Since { get; }

    public HashSet<string> Customers { get; } = new(StringComparer.Ordinal);

    /// <summary>Suppression entries by the hash they match on: the customer's, or the address's.</summary>
    public Dictionary<string, (string? AddressHash, string Reason)> Suppressed { get; } = new(StringComparer.Ordinal);

    /// <summary>Counted actions per customer and channel since <see cref="Since"/>.</summary>
    public Dictionary<(string CustomerId, string Channel), int> Sent { get; } = [];

    public static GuardFacts? Of(AutomationDbContext db, string customerId) =>
        db.Memo.GetValueOrDefault(MemoKey) is GuardFacts facts && facts.Customers.Contains(customerId) ? facts : null;

    public void KeepIn(AutomationDbContext db) => db.Memo[MemoKey] = this;
}
