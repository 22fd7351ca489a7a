using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Approvals;

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<ApprovalRequest>, IEntityTypeConfiguration<ApprovalGroup>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("approvals");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.Status, a.RequestedAt });
        builder.HasIndex(a => a.ActionId);
        builder.HasIndex(a => a.GroupId);
        builder.HasIndex(a => new { a.WorkflowId, a.WorkflowVersion, a.ActivityId, a.Status });
    }

    public void Configure(EntityTypeBuilder<ApprovalGroup> builder)
    {
        builder.ToTable("approval_groups");
        builder.HasKey(g => g.Id);
        builder.HasIndex(g => new { g.WorkflowId, g.WorkflowVersion, g.ActivityId, g.Status });
        builder.HasIndex(g => new { g.Status, g.ExpiresAt });
    }
}
