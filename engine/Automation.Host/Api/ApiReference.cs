using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Automation.Host.Api;

/// <summary>The OpenAPI document's security schemes and the interactive reference at /api/docs (Scalar).</summary>
public static class ApiReference
{
    public const string Path = "/api/docs";

    public const string ApiKeyScheme = "ApiKey";

    public const string SessionScheme = "Session";

    /// <summary>Ingestion keys only ingest; people act through a signed-in session, writes with the anti-forgery header.</summary>
    public static void AddSecuritySchemes(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "Ingestion (scope ingest: POST /api/events only) or reporting keys; created by admins under /api/keys or configured in Automation:ApiKeys. A key never decides, designs or administers.",
            };
            document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = Access.AccessSetup.SessionCookie,
                Description = "People sign in with POST /api/auth/signin and act through the session cookie; every write also sends the anti-forgery token from GET /api/auth/antiforgery in the header it names (" + Access.AccessSetup.AntiforgeryHeader + ").",
            };
            return Task.CompletedTask;
        });
    }

    /// <summary>The reference page; it sends nothing to Scalar's servers (no telemetry, fonts or agent).</summary>
    public static void MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapScalarApiReference(Path, options => options
            .WithTitle("Automation API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableTelemetry()
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp())
            .AllowAnonymous();
    }
}
