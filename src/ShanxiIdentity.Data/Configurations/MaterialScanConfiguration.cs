using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class MaterialScanConfiguration : IEntityTypeConfiguration<MaterialScan>
{
    public void Configure(EntityTypeBuilder<MaterialScan> builder)
    {
        builder.ToTable("MaterialScans");
        builder.Property(s => s.FileName).HasMaxLength(255);
        builder.Property(s => s.ContentType).HasMaxLength(100).IsUnicode(false);
        builder.Property(s => s.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(s => s.CounterRequestMaterialId).IsUnique();
    }
}
