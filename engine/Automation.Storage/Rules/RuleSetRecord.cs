namespace Automation.Storage.Rules;

/// <summary>A stored rule set by key (rules, nested And/Or/Not, params, outputs and outcomes), run on NRules.</summary>
public sealed class RuleSetRecord
{
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The rules as saved: {"globalParams": [...], "rules": [...]} (the shape Microsoft RulesEngine read, extended).</summary>
    public required string RulesJson { get; set; }

    /// <summary>Counts saves, so a journal entry can say which rules decided.</summary>
    public int Version { get; set; }

    public bool BuiltIn { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
