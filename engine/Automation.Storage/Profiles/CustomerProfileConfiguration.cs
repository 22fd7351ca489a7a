using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Profiles;

internal sealed class CustomerProfileConfiguration : IEntityTypeConfiguration<CustomerProfile>
{
    public void Configure(EntityTypeBuilder<CustomerProfile> builder)
    {
        builder.ToTable("profiles");
        builder.HasKey(p => p.CustomerId);
        builder.Property(p => p.CustomerId).HasMaxLength(200);
        builder.HasIndex(p => p.RfmSegment);
        builder.HasIndex(p => p.LastPurchaseAt);
    }
}
