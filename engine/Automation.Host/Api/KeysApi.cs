using Automation.Engine.Audit;
using Automation.Engine.Configuration;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Api;

/// <summary>The admin's API keys: list with last use, create with a label and a scope, relabel, revoke.</summary>
public static class KeysApi
{
    public static void MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").RequireAuthorization(Policies.Administer).WithTags("Access");
        keys.MapGet("/", ListAsync).WithSummary("Every API key (never the key itself) with its scope and last use; configured keys too")
            .Produces<IReadOnlyList<ApiKeyView>>();
        keys.MapPost("/", CreateAsync).WithSummary("Creates an API key, scope ingest (default) or reporting; the key is shown once")
            .Produces<NewApiKey>(StatusCodes.Status201Created).ProducesValidationProblem();
        keys.MapPut("/{id}", RelabelAsync).WithSummary("Changes a key's label")
            .Produces<ApiKeyView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapDelete("/{id}", RevokeAsync).WithSummary("Revokes a key: from now on it is answered 401")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, ApiKeyUsage usage, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var stored = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
        var configured = options.Value.ApiKeys.Select((key, i) => new ApiKeyView(
            ApiKeys.IdOf(ApiKeys.Hash(key)), $"Automation:ApiKeys:{i}", "", KeyScopes.Ingest, "configuration", "configuration", null, usage.LastUsed(ApiKeys.Hash(key)), null));
        return TypedResults.Ok(configured.Concat(stored.Select(k => View(k, usage))).ToList());
    }

    private static async Task<IResult> CreateAsync(NewKeyRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        var problems = new List<ProblemItem>();
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            problems.Add(new ProblemItem(null, "name", "name the key after what will use it"));
        }

        var scope = body.Scope ?? KeyScopes.Ingest;
        if (!KeyScopes.All.Contains(scope))
        {
            problems.Add(new ProblemItem(null, "scope", $"choose {string.Join(" or ", KeyScopes.All)}"));
        }

        if (problems.Count > 0)
        {
            return Problems.Validation("The key cannot be created", problems);
        }

        var key = ApiKeys.Create();
        await using var db = await databases.CreateDbContextAsync(ct);
        var record = new ApiKeyRecord { KeyHash = ApiKeys.Hash(key), Name = body.Name!.Trim(), Prefix = key[..8], Scope = scope, CreatedBy = http.Actor(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ApiKeys.Add(record);
        AuditLog.Write(db, http.Actor(), "apikey.created", $"apikey/{ApiKeys.IdOf(record.KeyHash)}", $"{record.Name} ({scope})", record.CreatedAt);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/keys/{ApiKeys.IdOf(record.KeyHash)}", new NewApiKey(ApiKeys.IdOf(record.KeyHash), record.Name, scope, key));
    }

    private static async Task<IResult> RelabelAsync(string id, KeyLabelRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, ApiKeyUsage usage, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return Problems.Validation("name", "name the key after what will use it");
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        if (await FindAsync(db, id, ct) is not { } key)
        {
            return Problems.NotFound($"no API key {id} (keys from configuration change there)");
        }

        AuditLog.Write(db, http.Actor(), "apikey.relabelled", $"apikey/{id}", $"{key.Name} → {body.Name.Trim()}", clock.GetUtcNow().UtcDateTime);
        key.Name = body.Name.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(key, usage));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        if (await FindAsync(db, id, ct) is not { } key)
        {
            return Problems.NotFound($"no API key {id} (keys from configuration are removed there)");
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            AuditLog.Write(db, http.Actor(), "apikey.revoked", $"apikey/{id}", key.Name, key.RevokedAt.Value);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Keys are few: matching the id against each hash is simpler than storing the id as well.</summary>
    private static async Task<ApiKeyRecord?> FindAsync(AutomationDbContext db, string id, CancellationToken ct) =>
        (await db.ApiKeys.ToListAsync(ct)).FirstOrDefault(k => string.Equals(ApiKeys.IdOf(k.KeyHash), id, StringComparison.OrdinalIgnoreCase));

    private static ApiKeyView View(ApiKeyRecord key, ApiKeyUsage usage)
    {
        var seen = usage.LastUsed(key.KeyHash);
        var lastUsed = seen > key.LastUsedAt || key.LastUsedAt is null ? seen : key.LastUsedAt;
        return new ApiKeyView(ApiKeys.IdOf(key.KeyHash), key.Name, key.Prefix, key.Scope, "admin", key.CreatedBy, key.CreatedAt, lastUsed, key.RevokedAt);
    }
}
