using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Workflows;

internal sealed class WorkflowConfiguration :
    IEntityTypeConfiguration<WorkflowRecord>,
    IEntityTypeConfiguration<WorkflowVersionRecord>,
    IEntityTypeConfiguration<WorkflowInstance>,
    IEntityTypeConfiguration<WorkflowStep>,
    IEntityTypeConfiguration<SplitWinner>,
    IEntityTypeConfiguration<ScheduledTriggerRun>
{
    public void Configure(EntityTypeBuilder<WorkflowRecord> builder)
    {
        builder.ToTable("workflows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<WorkflowVersionRecord> builder)
    {
        builder.ToTable("workflow_versions");
        builder.HasKey(v => new { v.WorkflowId, v.Version });
        builder.HasIndex(v => new { v.Status, v.TriggerType, v.TriggerKey });
    }

    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => i.ActiveKey).IsUnique();
        builder.HasIndex(i => new { i.WorkflowId, i.CustomerId });
        builder.HasIndex(i => new { i.CustomerId, i.WaitingForEvent });
        builder.HasIndex(i => i.WakeAt);
        builder.HasIndex(i => new { i.WorkflowId, i.Status });
        builder.HasIndex(i => i.ParentInstanceId);

        // Lets the processor see in one probe that no instance anywhere waits for an event (most batches under load).
        builder.HasIndex(i => i.WaitingForEvent);
    }

    public void Configure(EntityTypeBuilder<WorkflowStep> builder)
    {
        builder.ToTable("workflow_steps");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.InstanceId);
    }

    public void Configure(EntityTypeBuilder<SplitWinner> builder)
    {
        builder.ToTable("workflow_split_winners");
        builder.HasKey(w => new { w.WorkflowId, w.ActivityId });
        builder.Property(w => w.WorkflowId).HasMaxLength(100);
        builder.Property(w => w.ActivityId).HasMaxLength(60);
        builder.Property(w => w.Port).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<ScheduledTriggerRun> builder)
    {
        builder.ToTable("scheduled_trigger_runs");
        builder.HasKey(r => r.WorkflowId);
        builder.Property(r => r.WorkflowId).HasMaxLength(100);
        builder.Property(r => r.Cursor).HasMaxLength(200);
    }
}
