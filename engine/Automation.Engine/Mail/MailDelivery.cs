using System.Text.Json;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Automation.Storage;
using Automation.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Mail;

/// <summary>
/// Every email of the product goes through here: over SMTP when the sender's settings name a host, otherwise into
/// the built-in outbox (a table the web app shows, like a mail catcher), so a demo without a mail server delivers
/// instead of retrying. The outbox keeps the newest <see cref="Kept"/> emails.
/// </summary>
public sealed class MailDelivery(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock) : IMailDelivery
{
    public const int Kept = 1000;

    /// <summary>Whether mail for this server is caught here rather than sent: no SMTP host is configured.</summary>
    public static bool Catches(SmtpServerSettings server) => string.IsNullOrWhiteSpace(server?.Host);

    public bool Delivers(SmtpServerSettings server) => true;

    public async Task<ActionResult> SendAsync(string plugin, SmtpServerSettings server, OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!Catches(server))
        {
            return await new SmtpMailer(server).SendAsync(email, cancellationToken);
        }

        if (!SmtpMailer.IsAddress(email.ToAddress))
        {
            return ActionResult.Permanent($"'{email.ToAddress}' is not an email address");
        }

        await CatchAsync(plugin, [email], cancellationToken);
        return ActionResult.Success($"'{email.Subject}' to {email.ToAddress} is in the built-in outbox (no SMTP server is configured)");
    }

    /// <summary>Sends every email over one SMTP connection, or catches them all; the first SMTP failure ends it (MailKit's exception).</summary>
    public async Task SendAllAsync(string plugin, SmtpServerSettings server, IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        if (Catches(server))
        {
            await CatchAsync(plugin, emails, cancellationToken);
            return;
        }

        await new SmtpMailer(server).SendAllAsync(emails, cancellationToken);
    }

    private async Task CatchAsync(string plugin, IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.CaughtEmails.AddRange(emails.Select(e => new CaughtEmail
        {
            Id = Guid.CreateVersion7(),
            CaughtAt = now,
            Plugin = plugin,
            FromName = e.FromName,
            FromAddress = e.FromAddress,
            ToAddress = e.ToAddress,
            ToName = e.ToName,
            Subject = e.Subject,
            Text = e.Text,
            Html = e.Html,
            HeadersJson = JsonSerializer.Serialize(e.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase)),
        }));
        await db.SaveChangesAsync(cancellationToken);

        var oldestKept = await db.CaughtEmails.OrderByDescending(e => e.CaughtAt).Skip(Kept).Select(e => (DateTime?)e.CaughtAt).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } cutoff)
        {
            await db.CaughtEmails.Where(e => e.CaughtAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
