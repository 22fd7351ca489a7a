using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Automation.Host.Api;

public static class DesignerFallback
{
    // What probes, scrapers and scanners ask for: answered 404, never the web app's page with 200, which a probe reads as "up".
    private static readonly string[] NotTheWebApp = ["/api", "/health", "/healthz", "/ready", "/readyz", "/live", "/livez", "/metrics", "/status", "/ping", "/openapi"];

    /// <summary>Client-side routes load the designer; without a built designer a short page says how to build it.</summary>
    public static void MapDesignerFallback(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var index = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"), "index.html");
        app.MapFallback(async context =>
        {
            if (!IsWebAppRoute(context.Request.Path))
            {
                // An API route that takes declared content types ends here when the request's type is another one: say so.
                if (AcceptedTypes(context) is { } accepted)
                {
                    await Results.Problem(title: "Unsupported content type", detail: $"{context.Request.Path} takes {string.Join(" or ", accepted)}, not '{context.Request.ContentType}'", statusCode: 415).ExecuteAsync(context);
                    return;
                }

                await Results.Problem(title: "Not found", detail: $"no route {context.Request.Path}", statusCode: 404).ExecuteAsync(context);
                return;
            }

            if (File.Exists(index))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(index);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!doctype html><title>Automation</title><h1>Automation engine is running</h1><p>The designer is not built: run <code>npm ci &amp;&amp; npm run build</code> in <code>engine/designer</code> (needs Node.js), or use the API under <code>/api</code> (see the reference at <a href=\"/api/docs\">/api/docs</a>).</p>");
        });
    }

    private static IReadOnlyList<string>? AcceptedTypes(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        return context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => string.Equals("/" + e.RoutePattern.RawText?.Trim('/'), path, StringComparison.OrdinalIgnoreCase)
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) != false)
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes)
            .FirstOrDefault(types => types is { Count: > 0 });
    }

    /// <summary>A path the web app may route on the client: not an operations or API path.</summary>
    public static bool IsWebAppRoute(PathString path) =>
        !NotTheWebApp.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
