using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Profiles;

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> builder)
    {
        builder.ToTable("customer_tags");
        builder.HasKey(t => new { t.CustomerId, t.Tag });
        builder.Property(t => t.CustomerId).HasMaxLength(200);
        builder.Property(t => t.Tag).HasMaxLength(100);
        builder.Property(t => t.AddedBy).HasMaxLength(300);
    }
}
