using System.Globalization;

namespace Automation.Engine.Rules;

/// <summary>
/// One top-level rule as it runs: its name (the port it names), priority, outcomes, and the profile members its
/// conditions read, so that a firing explains itself with the values that made it hold.
/// </summary>
public sealed class CompiledRule
{
    public required string Name { get; init; }

    /// <summary>Its place in the rule set; among rules of equal priority the earlier one decides the port.</summary>
    public required int Index { get; init; }

    public int Priority { get; init; }

    /// <summary>What the rule is for, as its author wrote it (a plugin rule's [Description]).</summary>
    public string Description { get; init; } = "";

    /// <summary>Decision values it sets when it fires ("offer" = "10%").</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Why it suppresses the decision, when it does.</summary>
    public string? Suppress { get; init; }

    /// <summary>Workflows it starts, in a decision rule set.</summary>
    public IReadOnlyList<string> Starts { get; init; } = [];

    /// <summary>Facts it asserts for other rules to match.</summary>
    public IReadOnlyList<string> Asserts { get; init; } = [];

    /// <summary>Tags it gives the customer when it fires (kept on the customer; later sessions read them as `Tags`).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>"Features.CartAdds30d" or "Segments.DaysIn(\"at-risk\")" and how to read it, in the order of the text.</summary>
    internal IReadOnlyList<(string Label, Func<CustomerFact, object?> Read)> Members { get; init; } = [];

    /// <summary>The values of the members the conditions read, for this customer: "Features.CartAdds30d = 1".</summary>
    public IEnumerable<string> Read(CustomerFact customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        foreach (var (label, read) in Members)
        {
            var value = read(customer);
            yield return $"{label} = {Convert.ToString(value, CultureInfo.InvariantCulture)}";
        }
    }
}
