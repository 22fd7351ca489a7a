using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Segments;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<SegmentDefinitionRecord>, IEntityTypeConfiguration<SegmentMembership>
{
    public void Configure(EntityTypeBuilder<SegmentDefinitionRecord> builder)
    {
        builder.ToTable("segments");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<SegmentMembership> builder)
    {
        builder.ToTable("segment_memberships");
        builder.HasKey(m => new { m.SegmentKey, m.CustomerId });
        builder.HasIndex(m => m.CustomerId);
    }
}
