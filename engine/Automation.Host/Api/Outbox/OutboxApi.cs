using System.Text.Json;
using Automation.Host.Access;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api.Outbox;

/// <summary>The built-in outbox: the emails caught because no SMTP server is configured, newest first (a mail catcher).</summary>
public static class OutboxApi
{
    public static void MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outbox").RequireAuthorization(Policies.ReadPeople).WithTags("Built-in outbox");
        group.MapGet("/", ListAsync).WithSummary("Emails kept in the built-in outbox, newest first (only when no SMTP server is configured)")
            .Produces<OutboxList>();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One caught email with its HTML, text and headers")
            .Produces<OutboxEmail>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(int? take, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var total = await db.CaughtEmails.CountAsync(ct);
        var emails = await db.CaughtEmails.AsNoTracking().OrderByDescending(e => e.CaughtAt).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(take ?? 100, 1, 500))
            .Select(e => new OutboxSummary(e.Id, e.CaughtAt, e.Plugin, e.FromName, e.FromAddress, e.ToAddress, e.ToName, e.Subject))
            .ToListAsync(ct);
        return TypedResults.Ok(new OutboxList(total, emails));
    }

    private static async Task<IResult> GetAsync(Guid id, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var e = await db.CaughtEmails.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return e is null
            ? Problems.NotFound($"no email {id} in the built-in outbox")
            : TypedResults.Ok(new OutboxEmail(
                e.Id, e.CaughtAt, e.Plugin, e.FromName, e.FromAddress, e.ToAddress, e.ToName, e.Subject, e.Text, e.Html,
                JsonSerializer.Deserialize<Dictionary<string, string>>(e.HeadersJson) ?? []));
    }

    /// <summary>How many emails the outbox holds, and the newest of them.</summary>
    public sealed record OutboxList(int Total, IReadOnlyList<OutboxSummary> Emails);

    public sealed record OutboxSummary(Guid Id, DateTime CaughtAt, string Plugin, string FromName, string FromAddress, string ToAddress, string? ToName, string Subject);

    public sealed record OutboxEmail(
        Guid Id, DateTime CaughtAt, string Plugin, string FromName, string FromAddress, string ToAddress, string? ToName, string Subject,
        string? Text, string? Html, IReadOnlyDictionary<string, string> Headers);
}
