using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Engine.Rules;
using Automation.Engine.Workflows.Runtime;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Automation.Host.Api;

public static class ActivitiesApi
{
    private static readonly SystemTextJsonSchemaGeneratorSettings SchemaSettings = new()
    {
        SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
        DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
        FlattenInheritanceHierarchy = true,
    };

    public static void MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", Palette).RequireAuthorization().WithTags("Activities")
            .WithSummary("The designer's palette: built-in activities and plugin actions, each with its input JSON schema")
            .Produces<IReadOnlyList<PaletteItem>>();
    }

    private static async Task<IResult> Palette(ActivityRegistry registry, ActionCatalog actions, RuleSetCatalog ruleSets, CancellationToken ct)
    {
        await ruleSets.RefreshAsync(ct);
        var builtIn = registry.All.Select(a => new PaletteItem(
            a.Declaration.Type,
            "activity",
            a.Declaration.Category,
            a.Declaration.DisplayName,
            a.Declaration.Description,
            a.Declaration.Ports,
            a.Declaration.Type == "ruleSet" ? RuleSetSchema(ruleSets) : Schema(a.Activity.SettingsType),
            false,
            0,
            null,
            a.Declaration.Type == "ruleSet" ? new PortsBySetting("ruleSet", ruleSets.All.ToDictionary(r => r.Key, r => r.Ports)) : null));
        var action = registry.All.First(a => a.Declaration.Type == "action").Declaration;
        var plugin = actions.All.Select(a => new PaletteItem(
            a.Type,
            "action",
            "Act",
            a.Descriptor.DisplayName,
            a.Descriptor.Description,
            action.Ports,
            JsonNode.Parse(a.Descriptor.InputSchema),
            a.Descriptor.BudgetAffecting,
            a.Descriptor.EstimatedCost,
            a.Plugin,
            null));
        return TypedResults.Ok(builtIn.Concat(plugin).ToList());
    }

    private static JsonNode? Schema(Type settings)
    {
        var schema = JsonSchema.FromType(settings, SchemaSettings);
        var node = JsonNode.Parse(schema.ToJson());
        if (node is JsonObject o)
        {
            o.Remove("$schema");
            o.Remove("title");
        }

        return node;
    }

    /// <summary>The ruleSet activity's settings: a choice of the saved rule sets.</summary>
    private static JsonNode RuleSetSchema(RuleSetCatalog ruleSets)
    {
        var keys = new JsonArray([.. ruleSets.All.Select(r => JsonValue.Create(r.Key))]);
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("ruleSet"),
            ["properties"] = new JsonObject
            {
                ["ruleSet"] = new JsonObject { ["type"] = "string", ["title"] = "Rule set", ["description"] = "A saved rule set; each of its rules is a port", ["enum"] = keys },
            },
        };
    }
}
