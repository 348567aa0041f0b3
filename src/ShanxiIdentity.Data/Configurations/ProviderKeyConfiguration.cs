using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class ProviderKeyConfiguration : IEntityTypeConfiguration<ProviderKey>
{
    public void Configure(EntityTypeBuilder<ProviderKey> builder)
    {
        builder.ToTable("ProviderKeys");
        builder.Property(k => k.Purpose).HasMaxLength(20).IsUnicode(false);
        builder.Property(k => k.SealedPrivateKey).HasMaxLength(4096);
        builder.HasIndex(k => k.Purpose).IsUnique();
    }
}
