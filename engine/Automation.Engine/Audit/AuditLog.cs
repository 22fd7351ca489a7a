using Automation.Storage;
using Automation.Storage.Audit;

namespace Automation.Engine.Audit;

/// <summary>Appends to the audit log inside the caller's unit of work; entries are never updated or deleted.</summary>
public static class AuditLog
{
    public static void Write(AutomationDbContext db, string actor, string action, string subject, string detail, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Audit.Add(new AuditEntry { At = nowUtc, Actor = actor, Action = action, Subject = subject, Detail = detail });
    }
}
