using System.Text.Json;
using Automation.Engine.Dispatch;
using Automation.Storage.Dispatch;

namespace Automation.Host.Api;

/// <summary>An action in the dispatch log: guards, plugin, outcome, attempts and its input.</summary>
public sealed record ActionView(
    Guid Id,
    Guid? InstanceId,
    string ActionType,
    string Channel,
    string? Plugin,
    string CustomerId,
    string? WorkflowId,
    int? WorkflowVersion,
    string? ActivityId,
    ActionStatus Status,
    IReadOnlyList<GuardResult>? GuardResults,
    bool BudgetAffecting,
    decimal EstimatedCost,
    int Attempts,
    string? LastError,
    string? Detail,
    DateTime CreatedAt,
    DateTime? HeldUntil,
    DateTime? DispatchedAt,
    DateTime? CompletedAt,
    JsonElement Input);
