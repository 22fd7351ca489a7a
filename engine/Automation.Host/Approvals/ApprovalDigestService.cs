using Automation.Engine.Cluster;
using Automation.Engine.Approvals;
using Automation.Engine.Audit;
using Automation.Engine.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Approvals;

/// <summary>
/// Every DigestInterval, emails each approver a summary of what waits. The last digest is recorded in the audit log,
/// so several engine processes (or a restart) do not send it more than once per interval.
/// </summary>
public sealed partial class ApprovalDigestService(
    IDbContextFactory<AutomationDbContext> databases,
    DigestMailer mailer,
    IPartitionOwnership cluster,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<ApprovalDigestService> logger) : BackgroundService
{
    private const string AuditAction = "approval.digest";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Approvals.DigestInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                if (await cluster.LeadsAsync(ClusterJob.ApprovalDigest, stoppingToken))
                {
                    await SendDueAsync(interval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDigestFailed(logger, ex);
            }
        }
    }

    /// <summary>Sends the digest unless one went out within the interval; true when it was sent.</summary>
    public async Task<bool> SendDueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // A little slack: the timer of the next round fires about one interval after this one was recorded.
        var recent = now - interval + TimeSpan.FromTicks(interval.Ticks / 10);
        if (await db.Audit.AnyAsync(a => a.Action == AuditAction && a.At > recent, cancellationToken))
        {
            return false;
        }

        var digest = await ApprovalDigest.ComposeAsync(db, cancellationToken);
        if (digest is null)
        {
            return false;
        }

        await mailer.SendAsync(digest, now, cancellationToken);
        AuditLog.Write(db, "system", AuditAction, "approvals", $"{digest.Subject}: sent to {string.Join(", ", digest.Approvers)}", now);
        await db.SaveChangesAsync(cancellationToken);
        LogDigestSent(logger, digest.Waiting, digest.Approvers.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval digest sent: {Waiting} requests waiting, {Approvers} approvers")]
    private static partial void LogDigestSent(ILogger logger, int waiting, int approvers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Approval digest failed; trying again next interval")]
    private static partial void LogDigestFailed(ILogger logger, Exception ex);
}
