using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Scoring;

internal sealed class ScoreModelConfiguration : IEntityTypeConfiguration<ScoreModelRecord>
{
    public void Configure(EntityTypeBuilder<ScoreModelRecord> builder)
    {
        builder.ToTable("score_models");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Score).HasMaxLength(50);
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.HasIndex(m => new { m.Score, m.Version }).IsUnique();
        builder.HasIndex(m => m.Active);
    }
}
