using System.Security.Claims;
using Automation.Engine.Audit;
using Automation.Host.Access;
using Automation.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static partial class AccessApi
{
    public static void MapAccessApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapPost("/signin", SignInAsync).AllowAnonymous().WithSummary("Cookie sign-in with email and password; 429 after too many wrong passwords")
            .Produces<SignedInUser>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/signout", SignOutAsync).AllowAnonymous().WithSummary("Ends every session of the signed-in account")
            .Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", (HttpContext http) => http.User.IsPerson() ? Results.Ok(Me(http.User)) : Results.Unauthorized()).AllowAnonymous()
            .WithSummary("The signed-in person and their roles; 401 without a session")
            .Produces<SignedInUser>().Produces(StatusCodes.Status401Unauthorized);
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken, AccessSetup.AntiforgeryHeader));
        }).RequireAuthorization().WithSummary("The anti-forgery token a signed-in person sends on every write, and the header it goes in");

        app.MapUsersApi();
        app.MapKeysApi();
    }

    private static async Task<IResult> SignInAsync(SignInRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, PasswordCheck passwords, SignInThrottle throttle, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var email = (body.Email ?? "").Trim().ToLowerInvariant();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.MayTry(email, address))
        {
            // Not audited row by row: a flood of refusals would flood the log; one warning line per attempt is enough.
            LogThrottled(loggers.CreateLogger("Automation.Host.Access.SignIn"), address);
            http.Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many sign-in attempts", detail: "too many wrong passwords for this account or from this address; try again in a minute", statusCode: StatusCodes.Status429TooManyRequests);
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        var now = clock.GetUtcNow();
        if (!passwords.Verify(user, body.Password ?? ""))
        {
            throttle.Failed(email, address);
            AuditLog.Write(db, email, "auth.signin.refused", $"user/{email}", $"wrong email or password from {address}", now.UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Problem(title: "Sign-in failed", detail: "the email or password is wrong", statusCode: StatusCodes.Status401Unauthorized);
        }

        // Accounts from before session stamps have none yet: give them one, so that signing out can end the session.
        if (user!.SecurityStamp.Length == 0)
        {
            user.SecurityStamp = SessionStamps.NewStamp();
        }

        AuditLog.Write(db, email, "auth.signin", $"user/{email}", $"signed in from {address}", now.UtcDateTime);
        await db.SaveChangesAsync(ct);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Email),
            new("display_name", user.DisplayName),
            new(SessionValidation.StampClaim, user.SecurityStamp),
            SessionValidation.SignedInAt(now),
        };
        claims.AddRange(user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Me(principal));
    }

    /// <summary>Signing out moves the account's stamp on, so a copy of the cookie (or another browser's) stops working too.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IDbContextFactory<AutomationDbContext> databases, SessionStamps stamps, TimeProvider clock, CancellationToken ct)
    {
        if (http.User.IsPerson() && http.User.Identity?.Name is { } email)
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
            if (user is not null)
            {
                user.SecurityStamp = SessionStamps.NewStamp();
                AuditLog.Write(db, email, "auth.signout", $"user/{email}", "signed out; every session of the account ended", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                stamps.Forget(email);
            }
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static SignedInUser Me(ClaimsPrincipal user) => new(
        user.Identity?.Name,
        user.FindFirstValue("display_name") ?? user.Identity?.Name,
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);

    // No email address in the log (personal data); the audit log's failed sign-ins name the account.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in from {Address} refused: too many wrong passwords this minute for the account or the address")]
    private static partial void LogThrottled(ILogger logger, string address);
}
