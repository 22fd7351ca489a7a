using System.Diagnostics;
using System.Text.Json;
using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Engine.Telemetry;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Turns a requested action into a dispatch-log entry: guards first, then either skipped, held for quiet hours,
/// queued for approval (budget-affecting), or sent to its plugin's queue through the outbox.
/// Everything is written in the caller's unit of work, so a step and its action commit together.
/// </summary>
public sealed partial class DispatchPipeline(ActionCatalog catalog, DispatchGuards guards, ApprovalGrouping grouping, IOptions<AutomationOptions> options, ILogger<DispatchPipeline> logger) : IActionDispatch
{
    public async Task<ActionRecord> RequestAsync(AutomationDbContext db, DispatchRequest request, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var existing = db.Pending.Find<ActionRecord>(request.IdempotencyKey)
            ?? (request.FromNewInstance ? null : await db.Actions.FirstOrDefaultAsync(a => a.IdempotencyKey == request.IdempotencyKey, cancellationToken));
        if (existing is not null)
        {
            return existing;
        }

        var record = new ActionRecord
        {
            Id = Guid.CreateVersion7(),
            IdempotencyKey = request.IdempotencyKey,
            InstanceId = request.InstanceId,
            WorkflowId = request.Context.WorkflowId,
            WorkflowVersion = request.Context.WorkflowVersion,
            ActivityId = request.ActivityId,
            ActionType = request.ActionType,
            Channel = "unknown",
            CustomerId = request.CustomerId,
            InputJson = request.Input.ValueKind == JsonValueKind.Undefined ? "{}" : request.Input.GetRawText(),
            ContextJson = JsonSerializer.Serialize(request.Context, MessageTypes.Json),
            CreatedAt = nowUtc,
        };
        db.Actions.Add(record);
        db.Pending.Add(record.IdempotencyKey, record);

        using var span = EngineTelemetry.Start("dispatch");
        span?.SetTag("automation.action_type", request.ActionType).SetTag("automation.action_id", record.Id).SetTag("automation.customer_id", request.CustomerId);
        if (!catalog.TryGet(request.ActionType, out var action))
        {
            record.Status = ActionStatus.Failed;
            record.LastError = $"no loaded plugin provides the action type '{request.ActionType}'";
            return Decided(record);
        }

        record.Channel = action.Descriptor.Channel;
        record.Plugin = action.Plugin;
        record.BudgetAffecting = action.Descriptor.BudgetAffecting;
        record.EstimatedCost = action.Descriptor.EstimatedCost;

        var verdict = await guards.CheckAsync(db, action, request, nowUtc, cancellationToken);
        record.GuardResultsJson = JsonSerializer.Serialize(verdict.Results, MessageTypes.Json);
        foreach (var result in verdict.Results)
        {
            EngineTelemetry.GuardVerdicts.Add(1, new KeyValuePair<string, object?>("guard", result.Guard), new KeyValuePair<string, object?>("passed", result.Passed));
        }

        if (verdict.Blocked)
        {
            record.Status = ActionStatus.Skipped;
            record.Detail = verdict.BlockingReason;
            var blocker = verdict.Results.First(r => !r.Passed);
            LogBlocked(logger, record.ActionType, record.CustomerId, record.WorkflowId, blocker.Guard, blocker.Reason);
            return Decided(record);
        }

        LogPassed(logger, record.ActionType, record.CustomerId, record.WorkflowId, string.Join("; ", verdict.Results.Select(r => $"{r.Guard}: {r.Reason}")));

        if (action.Descriptor.BudgetAffecting)
        {
            record.Status = ActionStatus.AwaitingApproval;
            record.HeldUntil = verdict.HoldUntil;
            var approval = new ApprovalRequest
            {
                Id = Guid.CreateVersion7(),
                ActionId = record.Id,
                InstanceId = request.InstanceId,
                WorkflowId = request.Context.WorkflowId ?? "",
                WorkflowVersion = request.Context.WorkflowVersion ?? 0,
                ActivityId = request.ActivityId ?? "",
                CustomerId = request.CustomerId,
                ActionType = request.ActionType,
                Segment = request.Context.Segment,
                ReasonsJson = JsonSerializer.Serialize(request.Context.Reasons, MessageTypes.Json),
                EstimatedCost = action.Descriptor.EstimatedCost,
                Status = ApprovalStatus.Pending,
                RequestedAt = nowUtc,
                ExpiresAt = nowUtc + options.Value.Dispatch.ApprovalExpiry,
            };
            db.Approvals.Add(approval);
            await grouping.JoinAsync(db, approval, nowUtc, cancellationToken);
            return Decided(record);
        }

        if (verdict.HoldUntil is { } until)
        {
            record.Status = ActionStatus.Held;
            record.HeldUntil = until;
            LogHeld(logger, record.ActionType, record.CustomerId, until);
            return Decided(record);
        }

        // The request's own context and input: reading back the JSON just written for the log was a second round trip.
        Send(db, record, request.Profile, request.Context, request.Input.ValueKind == JsonValueKind.Undefined ? null : request.Input, nowUtc);
        return Decided(record);
    }

    public Task PrepareAsync(AutomationDbContext db, IReadOnlyCollection<(string CustomerId, Storage.Profiles.CustomerProfile? Profile)> customers, DateTime nowUtc, CancellationToken cancellationToken) =>
        guards.PreloadAsync(db, customers, nowUtc, cancellationToken);

    /// <summary>Counts what dispatch decided for a new action (its status: dispatched, skipped, held, awaiting_approval, failed).</summary>
    private static ActionRecord Decided(ActionRecord record)
    {
        EngineTelemetry.Actions.Add(1, new KeyValuePair<string, object?>("action_type", record.ActionType), new KeyValuePair<string, object?>("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Status.ToString())));
        Activity.Current?.SetTag("automation.action_status", record.Status.ToString());
        return record;
    }

    /// <summary>Puts the DispatchAction command for a record into the outbox (first send, after approval, after a hold, or a retry).</summary>
    public static void Send(AutomationDbContext db, ActionRecord record, Storage.Profiles.CustomerProfile? profile, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        var context = JsonSerializer.Deserialize<ActionContext>(record.ContextJson, MessageTypes.Json) ?? new ActionContext(record.WorkflowId, record.WorkflowVersion, null, []);
        Send(db, record, profile, context, null, nowUtc);
    }

    /// <summary>As above, with the record's context and input (null: read from the record) already in hand.</summary>
    private static void Send(AutomationDbContext db, ActionRecord record, Storage.Profiles.CustomerProfile? profile, ActionContext context, JsonElement? input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        using var parsed = input is null ? JsonDocument.Parse(record.InputJson) : null;
        var command = new DispatchAction(record.Id, record.ActionType, record.IdempotencyKey, CustomerSnapshots.From(record.CustomerId, profile), input ?? parsed!.RootElement.Clone(), context);
        OutboxWriter.Send(db, command, RegisteredAction.QueueName(record.ActionType), nowUtc);
        record.Status = ActionStatus.Dispatched;
        record.DispatchedAt = nowUtc;
        record.HeldUntil = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ActionType} for {CustomerId} in {WorkflowId} skipped by the {Guard} guard: {Reason}")]
    private static partial void LogBlocked(ILogger logger, string actionType, string customerId, string? workflowId, string guard, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ActionType} for {CustomerId} in {WorkflowId} passed the guards: {Reasons}")]
    private static partial void LogPassed(ILogger logger, string actionType, string customerId, string? workflowId, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ActionType} for {CustomerId} held for quiet hours until {Until:u}")]
    private static partial void LogHeld(ILogger logger, string actionType, string customerId, DateTime until);
}
