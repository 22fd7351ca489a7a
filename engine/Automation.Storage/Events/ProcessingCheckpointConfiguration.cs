using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Events;

internal sealed class ProcessingCheckpointConfiguration : IEntityTypeConfiguration<ProcessingCheckpoint>
{
    public void Configure(EntityTypeBuilder<ProcessingCheckpoint> builder)
    {
        builder.ToTable("processing_checkpoints");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(100);
    }
}
