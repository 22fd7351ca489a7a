using System.Globalization;
using System.Text;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Approvals;

/// <summary>The approvers' digest: what waits per workflow, oldest first, and who gets it.</summary>
public sealed record ApprovalDigest(IReadOnlyList<DigestLine> Lines, IReadOnlyList<string> Approvers)
{
    public int Waiting => Lines.Sum(l => l.Waiting);

    public decimal EstimatedCost => Lines.Sum(l => l.EstimatedCost);

    /// <summary>Null when nothing waits or nobody holds the approver role: then no email goes out.</summary>
    public static async Task<ApprovalDigest?> ComposeAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = await db.Approvals.AsNoTracking().Where(a => a.Status == ApprovalStatus.Pending)
            .GroupBy(a => a.WorkflowId)
            .Select(g => new { WorkflowId = g.Key, Waiting = g.Count(), Oldest = g.Min(a => a.RequestedAt), Cost = g.Sum(a => a.EstimatedCost) })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return null;
        }

        // Roles are stored comma-separated; the accounts table is small.
        var approvers = (await db.Users.AsNoTracking().Select(u => new { u.Email, u.Roles }).ToListAsync(cancellationToken))
            .Where(u => u.Roles.Split(',').Contains("approver", StringComparer.Ordinal)).Select(u => u.Email).ToList();
        if (approvers.Count == 0)
        {
            return null;
        }

        var names = await db.Workflows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        var lines = waiting
            .Select(w => new DigestLine(w.WorkflowId, names.GetValueOrDefault(w.WorkflowId, w.WorkflowId), w.Waiting, w.Oldest, w.Cost))
            .OrderBy(l => l.OldestRequestedAt).ToList();
        return new ApprovalDigest(lines, approvers);
    }

    public string Subject => Waiting == 1 ? "1 approval request waits for you" : $"{Waiting} approval requests wait for you";

    public string Text(DateTime nowUtc)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Subject}, estimated cost {EstimatedCost:0.00} in all.").AppendLine();
        foreach (var line in Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line.WorkflowName} ({line.WorkflowId}): {line.Waiting} waiting, oldest since {line.OldestRequestedAt:yyyy-MM-dd HH:mm} UTC ({Age(nowUtc - line.OldestRequestedAt)}), estimated cost {line.EstimatedCost:0.00}");
        }

        text.AppendLine().AppendLine("Decide them in the approvals inbox. Requests nobody decides expire and count as rejected.");
        return text.ToString();
    }

    private static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays} d {age.Hours} h" : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h {age.Minutes} min" : $"{Math.Max(0, (int)age.TotalMinutes)} min";
}
