using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Access;

/// <summary>X-Api-Key for producers and integrations: keys from Automation:ApiKeys or created by an admin.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AutomationOptions> automation,
    IDbContextFactory<AutomationDbContext> databases) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }

        var name = automation.Value.ApiKeys.Any(k => FixedTimeEquals(k, key)) ? "configured key" : null;
        if (name is null)
        {
            var hash = ApiKeys.Hash(key);
            await using var db = await databases.CreateDbContextAsync(Context.RequestAborted);
            name = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null).Select(k => k.Name).FirstOrDefaultAsync(Context.RequestAborted);
        }

        if (name is null)
        {
            return AuthenticateResult.Fail("the API key is not valid");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"api-key:{name}"), new Claim(ClaimTypes.Role, Roles.Integrator)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
