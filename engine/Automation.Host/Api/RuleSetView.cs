using System.Text.Json;

namespace Automation.Host.Api;

/// <summary>A rule set as saved, its rules as sent.</summary>
public sealed record RuleSetView(string Key, string Name, string Description, int Version, bool BuiltIn, string UpdatedBy, DateTime UpdatedAt, JsonElement Rules);
