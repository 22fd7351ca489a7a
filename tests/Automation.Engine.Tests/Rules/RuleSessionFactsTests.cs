using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;

namespace Automation.Engine.Tests.Rules;

/// <summary>Rules that read what the session knows besides the profile (segments, trigger, recent activity, tags), and tag the customer.</summary>
public sealed class RuleSessionFactsTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private const string Care = """
        {
          "rules": [
            { "ruleName": "long-at-risk", "expression": "Segments.Has(\"vip\") && Segments.DaysIn(\"at-risk\") >= 7", "priority": 10, "tag": [ "vip-slipping" ] },
            { "ruleName": "just-entered", "expression": "Trigger.Is(\"segment.entered\", \"at-risk\")", "priority": 5 },
            { "ruleName": "mailed-enough", "expression": "Recent.Actions(\"email.send\", 7) >= 2 || Recent.OpenApprovals > 0", "suppress": "enough in the inbox already" },
            { "ruleName": "known-vip", "expression": "Tags.Has(\"VIP-SLIPPING\")", "set": { "channel": "phone" } }
          ]
        }
        """;

    private readonly RuleSetCompiler compiler = new(new ProfileExpressionCompiler());

    private CompiledRuleSet Compile(string json)
    {
        Assert.True(compiler.TryCompile("care", json, out var ruleSet, out var problems), string.Join("; ", problems));
        return ruleSet!;
    }

    private static RuleFacts Facts(Dictionary<string, DateTime>? segments = null, (string, string)? trigger = null, IReadOnlyList<(string, DateTime)>? actions = null, int approvals = 0, string[]? tags = null) =>
        new(
            new SegmentFacts(segments ?? [], Now),
            trigger is var (type, key) ? new TriggerFact(type, key) : TriggerFact.None,
            new RecentActivity(actions ?? [], approvals, Now),
            new TagFacts(tags ?? []));

    [Fact]
    public void A_rule_reads_segment_memberships_with_their_since_dates_and_tags_the_customer()
    {
        var ruleSet = Compile(Care);
        var facts = Facts(new() { ["vip"] = Now.AddDays(-90), ["at-risk"] = Now.AddDays(-8) });

        var outcome = ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores(), facts);

        Assert.Equal("long-at-risk", outcome.Port);
        Assert.Equal(["vip-slipping"], outcome.Tags);
        var fired = Assert.Single(outcome.Fired);
        Assert.Equal(["Segments.Has(\"vip\") = True", "Segments.DaysIn(\"at-risk\") = 8"], fired.Matched);

        var tooSoon = ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores(), Facts(new() { ["vip"] = Now.AddDays(-90), ["at-risk"] = Now.AddDays(-2) }));
        Assert.Equal("none", tooSoon.Port);
        Assert.Empty(tooSoon.Tags);
    }

    [Fact]
    public void A_rule_reads_the_trigger_and_recent_actions_and_approvals()
    {
        var ruleSet = Compile(Care);

        var entered = ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores(), Facts(trigger: ("segment.entered", "at-risk")));
        Assert.Equal("just-entered", entered.Port);
        Assert.Null(entered.SuppressedBy);

        var mailed = ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores(), Facts(actions: [("email.send", Now.AddDays(-1)), ("email.send", Now.AddDays(-3)), ("email.send", Now.AddDays(-30))]));
        Assert.Equal("mailed-enough", mailed.SuppressedBy);

        var onceThisWeek = ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores(), Facts(actions: [("email.send", Now.AddDays(-1)), ("email.send", Now.AddDays(-30))]));
        Assert.Null(onceThisWeek.SuppressedBy);

        var waiting = ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores(), Facts(approvals: 1));
        Assert.Equal("enough in the inbox already", waiting.Suppression);
    }

    [Fact]
    public void A_tag_given_before_is_read_by_later_rules_without_regard_to_case()
    {
        var outcome = Compile(Care).Evaluate(new CustomerFeatures(), new CustomerScores(), Facts(tags: ["vip-slipping"]));

        Assert.Equal("phone", outcome.Values["channel"]);
    }

    [Fact]
    public void Without_session_facts_a_customer_is_in_no_segment_and_holds_no_tag()
    {
        var outcome = Compile(Care).Evaluate(new CustomerFeatures(), new CustomerScores());

        Assert.Equal("none", outcome.Port);
        Assert.Empty(outcome.Fired);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "ruleName": "r", "expression": "Segments.GetType() != null" } ] }""", "rules[0].expression")]
    [InlineData("""{ "rules": [ { "ruleName": "r", "expression": "true", "tag": [ "not a tag!" ] } ] }""", "rules[0].tag")]
    [InlineData("""{ "globalParams": [ { "name": "Segments", "expression": "1" } ], "rules": [ { "ruleName": "r", "expression": "true" } ] }""", "globalParams[0].name")]
    public void Session_facts_stay_inside_the_sandbox_and_a_bad_tag_or_param_name_is_named(string json, string field)
    {
        Assert.False(compiler.TryCompile("bad", json, out _, out var problems));
        Assert.Contains(problems, p => p.Field.StartsWith(field, StringComparison.Ordinal));
    }
}
