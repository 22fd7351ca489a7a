using System.Text.Json;

namespace Automation.Host.Api;

/// <summary>POST /api/rule-sets/{key}/try: the draft's rules and whom to try them on: a customer, or pasted facts.</summary>
public sealed record TryRuleSetRequest(JsonElement Rules, string? CustomerId, TryFacts? Facts);

/// <summary>Facts pasted into the test panel: features and scores by name, the rest zero.</summary>
public sealed record TryFacts(JsonElement? Features, JsonElement? Scores);
