using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Automation.Storage.Privacy;

internal sealed class EngineSecretConfiguration : IEntityTypeConfiguration<EngineSecret>
{
    public void Configure(EntityTypeBuilder<EngineSecret> builder)
    {
        builder.ToTable("engine_secrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(200);
    }
}
