using Automation.Engine.Configuration;
using Automation.Storage.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Automation.Host.Access;

public static class AccessSetup
{
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    public const string SessionCookie = "automation.auth";

    /// <summary>Cookie sign-in for people, X-Api-Key for producers and reports; roles and key scopes decide, the API enforces them.</summary>
    public static void AddAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var access = new AccessOptions();
        builder.Configuration.GetSection($"{AutomationOptions.Section}:Access").Bind(access);
        services.AddMemoryCache();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<PasswordCheck>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        services.AddAntiforgery(o => o.HeaderName = AntiforgeryHeader);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = access.IdleTimeout;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = c => WriteStatus(c.Response, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => WriteStatus(c.Response, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        var authorization = services.AddAuthorizationBuilder().SetDefaultPolicy(Policy(PolicyHolders.Default));
        foreach (var (name, holder) in PolicyHolders.All)
        {
            authorization.AddPolicy(name, Policy(holder));
        }
    }

    public static void UseAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(RefuseCookieAndKeyTogether);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(RequireAntiforgeryForCookies);
        app.Services.GetRequiredService<PasswordCheck>().Warm();
    }

    /// <summary>True for a person signed in with the session cookie (never for an API key).</summary>
    public static bool IsPerson(this System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static string[] Schemes => [CookieAuthenticationDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName];

    private static AuthorizationPolicy Policy(PolicyHolder holder) =>
        (holder.KeyScope is null ? People(holder.Roles) : Either(holder.Roles, holder.KeyScope)).Build();

    /// <summary>A signed-in person holding one of these roles; a valid key is authenticated but refused (403).</summary>
    private static AuthorizationPolicyBuilder People(IEnumerable<string> roles) =>
        new AuthorizationPolicyBuilder(Schemes).RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsPerson()).RequireRole(roles);

    /// <summary>A person with one of these roles, or a key with this scope.</summary>
    private static AuthorizationPolicyBuilder Either(IEnumerable<string> roles, string scope)
    {
        var allowed = roles.ToHashSet(StringComparer.Ordinal);
        return new AuthorizationPolicyBuilder(Schemes).RequireAuthenticatedUser().RequireAssertion(c => c.User.IsPerson()
            ? allowed.Any(c.User.IsInRole)
            : c.User.HasClaim(KeyScopes.Claim, scope));
    }

    /// <summary>
    /// A request is a person's or a key's, never both: a key added to a signed-in request must not change who acts
    /// or skip the anti-forgery check.
    /// </summary>
    private static async Task RefuseCookieAndKeyTogether(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Cookies.ContainsKey(SessionCookie) && context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header))
        {
            await Results.Problem(
                title: "Both a session and an API key",
                detail: $"send either the session cookie (people) or the {ApiKeyAuthenticationHandler.Header} header (integrations), not both",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>State-changing requests on a session cookie carry the anti-forgery header; a key header changes nothing about that.</summary>
    private static async Task RequireAntiforgeryForCookies(HttpContext context, RequestDelegate next)
    {
        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var cookieSession = context.Request.Cookies.ContainsKey(SessionCookie);
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
