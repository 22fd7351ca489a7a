using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Rules;

internal sealed class RuleSetConfiguration : IEntityTypeConfiguration<RuleSetRecord>
{
    public void Configure(EntityTypeBuilder<RuleSetRecord> builder)
    {
        builder.ToTable("rule_sets");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(60);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
    }
}
