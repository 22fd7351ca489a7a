using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Outbox;

internal sealed class CaughtEmailConfiguration : IEntityTypeConfiguration<CaughtEmail>
{
    public void Configure(EntityTypeBuilder<CaughtEmail> builder)
    {
        builder.ToTable("caught_emails");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.CaughtAt);
        builder.Property(e => e.Plugin).HasMaxLength(100);
        builder.Property(e => e.FromName).HasMaxLength(200);
        builder.Property(e => e.FromAddress).HasMaxLength(320);
        builder.Property(e => e.ToAddress).HasMaxLength(320);
        builder.Property(e => e.ToName).HasMaxLength(200);
        builder.Property(e => e.Subject).HasMaxLength(1000);
    }
}
