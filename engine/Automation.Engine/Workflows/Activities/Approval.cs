using System.Text.Json;
using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage.Approvals;

namespace Automation.Engine.Workflows.Activities;

[Activity("approval", "Act", "Approval", "Waits for an approver's decision; goes on by 'approved' or 'rejected' (an expired request counts as rejected)", Ports = ["approved", "rejected"], Waits = true)]
public sealed class Approval : Activity<ApprovalSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, ApprovalSettings settings, CancellationToken cancellationToken)
    {
        if (context.Simulation is { } simulation)
        {
            simulation.RecordApprovalStep();
            return Task.FromResult(ActivityOutcome.Continue("approved", "would ask for approval"));
        }

        var trigger = context.Trigger;
        var request = new ApprovalRequest
        {
            Id = Guid.CreateVersion7(),
            InstanceId = context.Instance.Id,
            WorkflowId = context.Definition.Id,
            WorkflowVersion = context.Instance.Version,
            ActivityId = context.Activity.Id,
            CustomerId = context.Instance.CustomerId,
            Segment = trigger?.Segment,
            ReasonsJson = JsonSerializer.Serialize(trigger?.Reasons ?? [], MessageTypes.Json),
            EstimatedCost = settings.EstimatedCost,
            Status = ApprovalStatus.Pending,
            RequestedAt = context.Now,
            ExpiresAt = context.Now + context.Services.Options.Dispatch.ApprovalExpiry,
        };
        context.Db.Approvals.Add(request);
        return Task.FromResult(ActivityOutcome.Suspend(new Bookmark($"approval:{request.Id}", request.ExpiresAt, "rejected"), settings.Question));
    }
}
