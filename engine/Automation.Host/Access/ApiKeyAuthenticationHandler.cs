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

/// <summary>
/// X-Api-Key for producers and reporting tools: keys from Automation:ApiKeys (ingest) or created by an admin with a
/// scope. A key's identity holds its scope and no role, so it passes only the policies that name its scope.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AutomationOptions> automation,
    IDbContextFactory<AutomationDbContext> databases,
    ApiKeyUsage usage) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(key);
        (string Name, string Scope)? found = automation.Value.ApiKeys.Any(k => FixedTimeEquals(k, key)) ? ("configured key", KeyScopes.Ingest) : null;
        if (found is null)
        {
            await using var db = await databases.CreateDbContextAsync(Context.RequestAborted);
            var stored = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
                .Select(k => new { k.Name, k.Scope }).FirstOrDefaultAsync(Context.RequestAborted);
            found = stored is null ? null : (stored.Name, stored.Scope);
        }

        if (found is not { } granted)
        {
            return AuthenticateResult.Fail("the API key is not valid");
        }

        usage.Record(hash);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"api-key:{granted.Name}"), new Claim(KeyScopes.Claim, granted.Scope)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
