namespace Automation.Host.Api;

public static class DesignerFallback
{
    /// <summary>Client-side routes load the designer; without a built designer a short page says how to build it.</summary>
    public static void MapDesignerFallback(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var index = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"), "index.html");
        app.MapFallback(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(title: "Not found", detail: $"no API route {context.Request.Path}", statusCode: 404).ExecuteAsync(context);
                return;
            }

            if (File.Exists(index))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(index);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!doctype html><title>Automation</title><h1>Automation engine is running</h1><p>The designer is not built: run <code>npm ci &amp;&amp; npm run build</code> in <code>engine/designer</code> (needs Node.js), or use the API under <code>/api</code> (see <a href=\"/openapi/v1.json\">/openapi/v1.json</a>).</p>");
        });
    }
}
