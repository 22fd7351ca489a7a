using System.Security.Claims;
using Automation.Engine.Audit;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class AccessApi
{
    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapPost("/signin", SignInAsync).AllowAnonymous().WithSummary("Cookie sign-in with email and password");
        auth.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        auth.MapGet("/me", (HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Results.Ok(Me(http.User)) : Results.Unauthorized()).AllowAnonymous();
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return TypedResults.Ok(new { token = tokens.RequestToken, headerName = AccessSetup.AntiforgeryHeader });
        }).RequireAuthorization();

        app.MapUsersApi();

        var keys = app.MapGroup("/api/keys").RequireAuthorization(Policies.Administer).WithTags("Access");
        keys.MapPost("/", CreateKeyAsync).WithSummary("Creates an ingestion API key; the key is shown once");
    }

    private static async Task<IResult> SignInAsync(SignInRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, IPasswordHasher<UserAccount> hasher, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var email = (body.Email ?? "").Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null || hasher.VerifyHashedPassword(user, user.PasswordHash, body.Password ?? "") == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(title: "Sign-in failed", detail: "the email or password is wrong", statusCode: StatusCodes.Status401Unauthorized);
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.Email), new("display_name", user.DisplayName) };
        claims.AddRange(user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Me(principal));
    }

    private static async Task<IResult> CreateKeyAsync(NewKeyRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return Problems.Validation("name", "name the key after what will use it");
        }

        var key = ApiKeys.Create();
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiKeys.Add(new ApiKeyRecord { KeyHash = ApiKeys.Hash(key), Name = body.Name, Prefix = key[..8], CreatedBy = http.Actor(), CreatedAt = now });
        AuditLog.Write(db, http.Actor(), "apikey.created", $"apikey/{key[..8]}", body.Name, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created("/api/keys", new { name = body.Name, key });
    }

    private static object Me(ClaimsPrincipal user) => new
    {
        email = user.Identity?.Name,
        displayName = user.FindFirstValue("display_name") ?? user.Identity?.Name,
        roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
    };
}
