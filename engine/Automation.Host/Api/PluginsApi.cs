using Automation.Composition.Plugins;
using Automation.Host.Plugins;

namespace Automation.Host.Api;

public static class PluginsApi
{
    public static void MapPluginsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", (PluginRegistry registry) => TypedResults.Ok(registry.Plugins.Select(p => new PluginView(
            p.Name,
            p.Version,
            p.SdkRange,
            p.Instance is null ? "failed" : "loaded",
            p.Error,
            p.ActionTypes,
            [.. p.RuleSets.Select(r => r.Key)],
            Path.GetFileName(p.Path))).ToList())).RequireAuthorization().WithTags("Plugins").WithSummary("Loaded plugins, versions, action types and rule sets; failed ones with the reason");
    }
}
