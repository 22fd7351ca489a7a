using System.Globalization;
using System.Reflection;
using Automation.Engine.Profiles;
using Automation.Plugins.Sdk;
using NRules;
using NRules.Diagnostics;

namespace Automation.Engine.Rules;

/// <summary>
/// What a plugin's rule session holds: each customer as the SDK's <see cref="RuleCustomer"/> (features and scores by
/// name), and a listener on NRules' rule-fired events that records each firing in the customer's decision, with the
/// other facts it matched and the suppression it gave, since a plugin's actions are its own code.
/// </summary>
internal static class PluginFacts
{
    private static readonly PropertyInfo[] FeatureProperties = Numbers(typeof(CustomerFeatures));
    private static readonly PropertyInfo[] ScoreProperties = Numbers(typeof(CustomerScores));

    public static void Insert(ISession session, CustomerFact[] customers, IReadOnlyList<CompiledRule> rules)
    {
        var byName = rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var owners = new Dictionary<RuleCustomer, CustomerFact>(ReferenceEqualityComparer.Instance);
        foreach (var customer in customers)
        {
            customer.Plugin = View(customer);
            owners[customer.Plugin] = customer;
        }

        session.Events.RuleFiredEvent += (_, e) => Record(e, byName, owners);
        session.InsertAll(owners.Keys);
    }

    private static void Record(AgendaEventArgs fired, Dictionary<string, CompiledRule> rules, Dictionary<RuleCustomer, CustomerFact> owners)
    {
        var facts = fired.Facts.Select(f => f.Value).ToList();
        if (facts.OfType<RuleCustomer>().FirstOrDefault() is not { } view || !rules.TryGetValue(fired.Rule.Name, out var rule))
        {
            return;
        }

        var others = facts.Where(f => f is not RuleCustomer && f is not null).Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) ?? "").ToArray();
        owners[view].Decision.FiredPluginRule(rule, others, view.Suppression);
    }

    private static RuleCustomer View(CustomerFact customer) => new(
        customer.Features.CustomerId,
        FeatureProperties.ToDictionary(p => p.Name, p => Number(p.GetValue(customer.Features)), StringComparer.Ordinal),
        ScoreProperties.ToDictionary(p => p.Name, p => Number(p.GetValue(customer.Scores)), StringComparer.Ordinal),
        customer.Scores.RfmSegment);

    private static double Number(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        null => 0,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static PropertyInfo[] Numbers(Type type) =>
        [.. type.GetProperties().Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(double) || p.PropertyType == typeof(bool))];
}
