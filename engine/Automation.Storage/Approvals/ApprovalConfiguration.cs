using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Approvals;

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("approvals");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.Status, a.RequestedAt });
        builder.HasIndex(a => a.ActionId);
    }
}
