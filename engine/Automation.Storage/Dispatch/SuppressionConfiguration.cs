using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Dispatch;

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> builder)
    {
        builder.ToTable("suppressions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Address).HasMaxLength(320);
        builder.Property(s => s.CustomerId).HasMaxLength(200);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.HasIndex(s => s.Address).IsUnique();
        builder.HasIndex(s => s.CustomerId).IsUnique();
        builder.Property(s => s.AddressHash).HasMaxLength(64);
        builder.Property(s => s.CustomerIdHash).HasMaxLength(64);
        builder.HasIndex(s => s.AddressHash).IsUnique();
        builder.HasIndex(s => s.CustomerIdHash).IsUnique();
    }
}
