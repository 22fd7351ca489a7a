using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Dispatch;
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
            .WithSummary("The designer's palette: built-in activities and plugin actions, each with its input JSON schema");
    }

    private static IResult Palette(ActivityRegistry registry, ActionCatalog actions)
    {
        var builtIn = registry.All.Select(a => new PaletteItem(
            a.Declaration.Type,
            "activity",
            a.Declaration.Category,
            a.Declaration.DisplayName,
            a.Declaration.Description,
            a.Declaration.Ports,
            Schema(a.Activity.SettingsType),
            false,
            0,
            null));
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
            a.Plugin));
        return TypedResults.Ok(builtIn.Concat(plugin));
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

    private sealed record PaletteItem(
        string Type, string Kind, string Category, string DisplayName, string Description, IReadOnlyList<string> Ports,
        JsonNode? InputSchema, bool BudgetAffecting, decimal EstimatedCost, string? Plugin);
}
