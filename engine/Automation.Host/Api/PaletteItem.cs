using System.Text.Json.Nodes;

namespace Automation.Host.Api;

/// <summary>An entry of the designer's palette: a built-in activity or a plugin action, with its input JSON schema.</summary>
public sealed record PaletteItem(
    string Type, string Kind, string Category, string DisplayName, string Description, IReadOnlyList<string> Ports,
    JsonNode? InputSchema, bool BudgetAffecting, decimal EstimatedCost, string? Plugin, PortsBySetting? PortsBySetting);
