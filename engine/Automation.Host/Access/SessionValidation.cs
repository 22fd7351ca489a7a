using System.Globalization;
using System.Security.Claims;
using Automation.Engine.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Automation.Host.Access;

/// <summary>Every request on a session cookie: the session is younger than its lifetime and its stamp is the account's.</summary>
public static class SessionValidation
{
    public const string StampClaim = "session_stamp";
    public const string SignedInAtClaim = "signed_in_at";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<AutomationOptions>>().Value.Access.SessionLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = context.Principal;
        var email = user?.Identity?.Name;
        var stamp = user?.FindFirstValue(StampClaim);
        var signedInAt = long.TryParse(user?.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        var current = email is not null && stamp is not null && signedInAt is { } at && now - at < lifetime
            && await services.GetRequiredService<SessionStamps>().IsCurrentAsync(email, stamp, context.HttpContext.RequestAborted);
        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public static Claim SignedInAt(DateTimeOffset now) =>
        new(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
}
