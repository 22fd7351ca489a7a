using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Events;

internal sealed class QuarantineConfiguration : IEntityTypeConfiguration<QuarantinedCustomer>, IEntityTypeConfiguration<QuarantinedEvent>
{
    public void Configure(EntityTypeBuilder<QuarantinedCustomer> builder)
    {
        builder.ToTable("quarantined_customers");
        builder.HasKey(q => q.CustomerId);
        builder.Property(q => q.CustomerId).HasMaxLength(200);
        builder.Property(q => q.Stage).HasMaxLength(100);
        builder.Property(q => q.Error).HasMaxLength(4000);
        builder.Property(q => q.EngineVersion).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<QuarantinedEvent> builder)
    {
        builder.ToTable("quarantined_events");
        builder.HasKey(q => q.Sequence);
        builder.Property(q => q.Sequence).ValueGeneratedNever();
        builder.Property(q => q.CustomerId).HasMaxLength(200);
        builder.HasIndex(q => q.CustomerId);
    }
}
