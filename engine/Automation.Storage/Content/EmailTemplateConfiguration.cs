using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Content;

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplateRecord>
{
    public void Configure(EntityTypeBuilder<EmailTemplateRecord> builder)
    {
        builder.ToTable("email_templates");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Subject).HasMaxLength(500);
        builder.Property(t => t.Preheader).HasMaxLength(500);
        builder.Property(t => t.FromName).HasMaxLength(200);
        builder.Property(t => t.FromAddress).HasMaxLength(320);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
    }
}
