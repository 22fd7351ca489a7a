namespace Automation.Plugins.Sdk;

/// <summary>
/// A rule set a plugin ships, written in C# with NRules.Fluent: its rule classes (each a subclass of
/// <c>NRules.Fluent.Dsl.Rule</c> with a public parameterless constructor) and the fact types they match besides the
/// customer. The engine loads it into the same catalog as the marketers' rule sets, read-only; a workflow's ruleSet
/// activity and the threshold decisions use it by its key. A rule class that does not load fails the plugin's load
/// with the reason.
/// </summary>
public sealed class PluginRuleSet
{
    /// <summary>1–60 lower-case letters, digits and dashes, starting with a letter; unique across rule sets.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The rule classes. Every rule must match the <see cref="RuleCustomer"/> it decides for.</summary>
    public required IReadOnlyList<Type> RuleTypes { get; init; }

    /// <summary>Fact types the rules match or insert besides <see cref="RuleCustomer"/> (forward chaining).</summary>
    public IReadOnlyList<Type> FactTypes { get; init; } = [];

    /// <summary>For a decision rule set: the crossing it decides at, e.g. ("segment.entered", "at-risk"); null otherwise.</summary>
    public (string Trigger, string Key)? Decides { get; init; }
}
