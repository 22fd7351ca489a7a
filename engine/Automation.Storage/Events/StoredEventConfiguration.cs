using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Events;

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.EventId).HasMaxLength(200);
        builder.Property(e => e.CustomerId).HasMaxLength(200);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.TraceParent).HasMaxLength(55);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.CustomerId, e.Timestamp });
        builder.HasIndex(e => new { e.Processed, e.Sequence });
    }
}
