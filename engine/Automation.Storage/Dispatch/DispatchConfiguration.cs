using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Dispatch;

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<ActionRecord>, IEntityTypeConfiguration<ProcessedDispatch>
{
    public void Configure(EntityTypeBuilder<ActionRecord> builder)
    {
        builder.ToTable("actions");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.IdempotencyKey).IsUnique();
        builder.HasIndex(a => new { a.CustomerId, a.Channel, a.CreatedAt });
        builder.HasIndex(a => new { a.Status, a.HeldUntil });
        builder.HasIndex(a => new { a.WorkflowId, a.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<ProcessedDispatch> builder)
    {
        builder.ToTable("processed_dispatches");
        builder.HasKey(p => p.IdempotencyKey);
    }
}
