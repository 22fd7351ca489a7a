using Automation.Engine.Audit;
using Automation.Storage;
using Automation.Storage.Content;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Content;

/// <summary>Saves templates in the library: checked first (nothing is written when a field has a problem), versioned, audited.</summary>
public sealed class EmailTemplateService(IDbContextFactory<AutomationDbContext> databases, EmailTemplateLibrary library, TimeProvider clock)
{
    /// <summary>Creates (create: true, refused when the key exists) or replaces a template; the problems by field, or the saved version.</summary>
    public async Task<EmailTemplateSaveResult> SaveAsync(string key, EmailTemplateDraft draft, string actor, bool create, CancellationToken cancellationToken)
    {
        var problems = EmailTemplateProblems.Of(draft);
        if (problems.Count > 0)
        {
            return new EmailTemplateSaveResult(0, false, problems, null);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var record = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (create && record is not null)
        {
            return new EmailTemplateSaveResult(0, false, [], $"a template with key '{key}' exists already");
        }

        var created = record is null;
        var now = clock.GetUtcNow().UtcDateTime;
        record ??= db.EmailTemplates.Add(new EmailTemplateRecord { Key = key, Name = draft.Name, Subject = draft.Subject }).Entity;
        Apply(record, draft);
        record.Version++;
        record.UpdatedBy = actor;
        record.UpdatedAt = now;
        AuditLog.Write(db, actor, created ? "template.created" : "template.changed", $"email-template/{key}", $"version {record.Version}", now);
        await db.SaveChangesAsync(cancellationToken);
        library.Invalidate();
        return new EmailTemplateSaveResult(record.Version, created, [], null);
    }

    /// <summary>The shipped templates that are not in the library yet (a marketer's changes to one are kept).</summary>
    public static async Task AddBuiltInAsync(AutomationDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = await db.EmailTemplates.Select(t => t.Key).ToListAsync(cancellationToken);
        foreach (var (key, draft) in BuiltInEmailTemplates.All.Where(t => !known.Contains(t.Key)))
        {
            var record = new EmailTemplateRecord { Key = key, Name = draft.Name, Subject = draft.Subject, BuiltIn = true, Version = 1, UpdatedBy = "system", UpdatedAt = now };
            Apply(record, draft);
            db.EmailTemplates.Add(record);
        }
    }

    private static void Apply(EmailTemplateRecord record, EmailTemplateDraft draft)
    {
        record.Name = draft.Name.Trim();
        record.Subject = draft.Subject;
        record.Preheader = draft.Preheader ?? "";
        record.FromName = draft.FromName?.Trim() ?? "";
        record.FromAddress = draft.FromAddress?.Trim() ?? "";
        record.Html = draft.Html ?? "";
        record.Text = draft.Text ?? "";
    }
}
