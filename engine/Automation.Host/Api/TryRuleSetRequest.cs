using System.Text.Json;

namespace Automation.Host.Api;

/// <summary>POST /api/rule-sets/{key}/try: the draft's rules and whom to try them on: a customer, or pasted facts.</summary>
public sealed record TryRuleSetRequest(JsonElement Rules, string? CustomerId, TryFacts? Facts);

/// <summary>
/// Facts pasted into the test panel: features and scores by name, the rest zero; the segments the customer is in
/// (entered now) and the tags they hold, none when left out.
/// </summary>
public sealed record TryFacts(JsonElement? Features, JsonElement? Scores, IReadOnlyList<string>? Segments = null, IReadOnlyList<string>? Tags = null);
