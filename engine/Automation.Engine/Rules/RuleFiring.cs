namespace Automation.Engine.Rules;

/// <summary>
/// One rule that fired, in firing order, with what it matched: the profile values its conditions read
/// ("Features.CartAdds30d = 1") and the derived facts it required ("priority-high, asserted by vip-at-risk").
/// </summary>
public sealed record RuleFiring(string Rule, IReadOnlyList<string> Matched);
