using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Profiles;

internal sealed class CustomerAliasConfiguration : IEntityTypeConfiguration<CustomerAlias>
{
    public void Configure(EntityTypeBuilder<CustomerAlias> builder)
    {
        builder.ToTable("customer_aliases");
        builder.HasKey(a => a.AliasId);
        builder.Property(a => a.AliasId).HasMaxLength(200);
        builder.Property(a => a.CustomerId).HasMaxLength(200);
        builder.HasIndex(a => a.CustomerId);
    }
}
