using NRules.RuleModel;

namespace Automation.Engine.Rules;

/// <summary>
/// What a collecting rule matched in one session (customers, or derived facts), in the order NRules found them, and
/// how many of them each rule's action has fired for: a rule fires again when more match, and acts only on the rest
/// (rules with the same condition share one node, so one set of matches, in NRules' network). Kept
/// as NRules' own fact handles, one reference per match; NRules' `Collect` kept a dictionary entry and two linked-list
/// nodes per match, which was most of what a customer allocated.
/// </summary>
public sealed class RuleMatches<T>
    where T : class
{
    private readonly List<IFact> facts = [];

    // The matches themselves beside their handles: an action reads them in a row, not through each handle.
    private readonly List<T> matched = [];

    // Usually one rule reads these matches; others with the same condition (so the same node) get a map.
    private int firstRule = -1;
    private int firstFired;
    private Dictionary<int, int>? othersFired;

    public int Count => facts.Count;

    public T this[int index] => matched[index];

    /// <summary>How many matches, from the first, this rule's action has fired for.</summary>
    internal int FiredFor(int rule) =>
        rule == firstRule ? firstFired : othersFired?.GetValueOrDefault(rule) ?? 0;

    internal void SetFired(int rule, int count)
    {
        if (firstRule < 0 || rule == firstRule)
        {
            (firstRule, firstFired) = (rule, count);
        }
        else
        {
            (othersFired ??= [])[rule] = count;
        }
    }

    internal IEnumerable<IFact> Facts => facts;

    internal void Add(IReadOnlyCollection<IFact> added)
    {
        // A session's customers arrive in one list: grow once to fit them rather than double step by step.
        facts.EnsureCapacity(facts.Count + added.Count);
        matched.EnsureCapacity(matched.Count + added.Count);
        foreach (var fact in added)
        {
            facts.Add(fact);
            matched.Add((T)fact.Value!);
        }
    }

    /// <summary>A retracted match leaves; one the rule already fired for stays fired (its firing is not undone).</summary>
    internal void Remove(IReadOnlyCollection<IFact> removed)
    {
        foreach (var fact in removed)
        {
            var at = facts.IndexOf(fact);
            if (at < 0)
            {
                continue;
            }

            facts.RemoveAt(at);
            matched.RemoveAt(at);
            if (at < firstFired)
            {
                firstFired--;
            }

            foreach (var rule in othersFired?.Keys.ToList() ?? [])
            {
                if (at < othersFired![rule])
                {
                    othersFired[rule]--;
                }
            }
        }
    }
}
