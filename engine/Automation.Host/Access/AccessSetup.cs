using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Automation.Storage.Access;

namespace Automation.Host.Access;

public static class AccessSetup
{
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    /// <summary>Cookie sign-in for people, X-Api-Key for producers; roles decide, the API enforces them.</summary>
    public static void AddAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddAntiforgery(o => o.HeaderName = AntiforgeryHeader);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "automation.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = c => WriteStatus(c.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => WriteStatus(c.Response, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        string[] schemes = [CookieAuthenticationDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName];
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Design, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Marketer, Roles.Admin))
            .AddPolicy(Policies.Decide, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Approver, Roles.Admin))
            .AddPolicy(Policies.Ingest, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Integrator, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin));
    }

    public static void UseAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(RequireAntiforgeryForCookies);
    }

    /// <summary>State-changing requests on a cookie session carry the anti-forgery header; API-key requests have no cookie to forge.</summary>
    private static async Task RequireAntiforgeryForCookies(HttpContext context, RequestDelegate next)
    {
        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var cookieSession = context.Request.Cookies.ContainsKey("automation.auth") && !context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header);
        if (unsafeMethod && cookieSession && context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/api/auth/signin"))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Results.Problem(
                    title: "Missing or invalid anti-forgery token",
                    detail: $"send the token from GET /api/auth/antiforgery in the {AntiforgeryHeader} header",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static Task WriteStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
