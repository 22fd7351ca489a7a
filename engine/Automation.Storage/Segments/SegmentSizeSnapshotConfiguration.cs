using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Segments;

internal sealed class SegmentSizeSnapshotConfiguration : IEntityTypeConfiguration<SegmentSizeSnapshot>
{
    public void Configure(EntityTypeBuilder<SegmentSizeSnapshot> builder)
    {
        builder.ToTable("segment_size_snapshots");
        builder.HasKey(s => new { s.SegmentKey, s.Day });
    }
}
