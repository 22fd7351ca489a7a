using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Scoring;

internal sealed class ScoreDriftConfiguration : IEntityTypeConfiguration<ScoreDriftSnapshot>
{
    public void Configure(EntityTypeBuilder<ScoreDriftSnapshot> builder)
    {
        builder.ToTable("score_drift");
        builder.HasKey(d => new { d.ModelId, d.Day });
    }
}
