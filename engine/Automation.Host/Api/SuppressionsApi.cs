using Automation.Engine.Audit;
using Automation.Engine.Dispatch;
using Automation.Engine.Privacy;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>The suppression list: addresses and customers no email reaches, kept by marketers and admins.</summary>
public static class SuppressionsApi
{
    public static void MapSuppressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suppressions").RequireAuthorization(Policies.Design).WithTags("Suppressions");
        group.MapGet("/", ListAsync).WithSummary("Every suppressed address and customer, newest first")
            .Produces<IReadOnlyList<SuppressionView>>();
        group.MapPost("/", AddAsync).WithSummary("Suppresses an email address or a customer id: no email reaches it until removed")
            .Produces<SuppressionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", RemoveAsync).WithSummary("Takes an entry off the suppression list")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var entries = await db.Suppressions.AsNoTracking().OrderByDescending(s => s.AddedAt).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(SuppressionView.Of).ToList());
    }

    private static async Task<IResult> AddAsync(SuppressionRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, CustomerPseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        var address = Suppressions.Normalize(body.Email);
        var customerId = string.IsNullOrWhiteSpace(body.CustomerId) ? null : body.CustomerId.Trim();
        var reason = body.Reason?.Trim() ?? "";
        var problems = new List<ProblemItem>();
        if ((address is null) == (customerId is null))
        {
            problems.Add(new ProblemItem(null, "email", address is null ? "give an email address or a customer id" : "give an email address or a customer id, not both"));
        }
        else if (address is not null && (!address.Contains('@', StringComparison.Ordinal) || address.Length > 320))
        {
            problems.Add(new ProblemItem(null, "email", "give an email address (at most 320 characters)"));
        }
        else if (customerId is { Length: > 200 })
        {
            problems.Add(new ProblemItem(null, "customerId", "use at most 200 characters"));
        }

        if (reason.Length > 500)
        {
            problems.Add(new ProblemItem(null, "reason", "use at most 500 characters"));
        }

        if (problems.Count > 0)
        {
            return Problems.Validation("The suppression cannot be added", problems);
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var addressHash = address is null ? null : await pseudonyms.AddressHashAsync(db, address, ct);
        var customerHash = customerId is null ? null : await pseudonyms.CustomerHashAsync(db, customerId, ct);
        if (await db.Suppressions.AnyAsync(s => (addressHash != null && s.AddressHash == addressHash) || (customerHash != null && s.CustomerIdHash == customerHash), ct))
        {
            return Problems.Conflict($"{address ?? customerId} is already on the suppression list");
        }

        var entry = new Suppression
        {
            Id = Guid.NewGuid(),
            Address = address,
            CustomerId = customerId,
            AddressHash = addressHash,
            CustomerIdHash = customerHash,
            Reason = reason,
            AddedBy = http.Actor(),
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Suppressions.Add(entry);
        AuditLog.Write(db, entry.AddedBy, "suppression.added", $"suppression/{entry.Id}", $"{address ?? $"customer {customerId}"}: {reason}", entry.AddedAt);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/suppressions/{entry.Id}", SuppressionView.Of(entry));
    }

    private static async Task<IResult> RemoveAsync(Guid id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var entry = await db.Suppressions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (entry is null)
        {
            return Problems.NotFound($"no suppression {id}");
        }

        db.Suppressions.Remove(entry);
        AuditLog.Write(db, http.Actor(), "suppression.removed", $"suppression/{id}", entry.Address ?? $"customer {entry.CustomerId}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
