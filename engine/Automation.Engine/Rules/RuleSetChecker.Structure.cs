namespace Automation.Engine.Rules;

/// <summary>The checks across a rule set's rules: unique names, asserted facts that some rule requires, the trigger it decides at.</summary>
internal sealed partial class RuleSetChecker
{
    private void CheckNames(List<RuleDocument> rules)
    {
        var names = rules.Select(r => r.RuleName).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add("rules", $"two rules are named '{duplicate.Key}'; each top-level rule names a port, so names must differ");
        }

        if (names.Contains(RuleSetCompiler.NoRulePort, StringComparer.Ordinal))
        {
            Add("rules", $"'{RuleSetCompiler.NoRulePort}' is the port taken when no rule holds; name the rule otherwise");
        }
    }

    /// <summary>A required fact that no rule asserts can never hold: almost always a misspelt name.</summary>
    private void CheckChains(List<RuleDocument> rules)
    {
        var asserted = rules.SelectMany(r => r.Assert ?? []).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var (name, j) in (rules[i].Requires ?? []).Select((n, j) => (n, j)).Where(x => x.n is not null && !asserted.Contains(x.n)))
            {
                Add($"rules[{i}].requires[{j}]", $"no rule asserts '{name}'");
            }
        }
    }

    /// <summary>What a decision rule set decides at; starting workflows only makes sense there.</summary>
    private void CheckBinding(RuleSetDocument document)
    {
        if (document.Decides is not { } binding)
        {
            foreach (var i in Enumerable.Range(0, document.Rules.Count).Where(i => document.Rules[i].Start is { Count: > 0 }))
            {
                Add($"rules[{i}].start", "only a decision rule set (with \"decides\") starts workflows");
            }

            return;
        }

        // The one name each trigger kind takes: a segment, a score or an event type, and no other.
        var (field, named) = binding.Trigger switch
        {
            "segment.entered" or "segment.exited" => ("segment", binding.Segment),
            "score.crossed" => ("score", binding.Score),
            "event" => ("event", binding.Event),
            _ => ("", null),
        };
        if (field.Length == 0)
        {
            Add("decides.trigger", "a decision rule set decides at segment.entered, segment.exited, score.crossed or event");
        }
        else if (string.IsNullOrWhiteSpace(named) || new[] { binding.Segment, binding.Score, binding.Event }.Count(n => n is not null) != 1)
        {
            Add($"decides.{field}", $"name the {field} (and nothing else)");
        }
    }
}
