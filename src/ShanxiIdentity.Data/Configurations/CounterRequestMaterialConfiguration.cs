using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class CounterRequestMaterialConfiguration : IEntityTypeConfiguration<CounterRequestMaterial>
{
    public void Configure(EntityTypeBuilder<CounterRequestMaterial> builder)
    {
        builder.ToTable("CounterRequestMaterials");
        builder.Property(m => m.Description).HasMaxLength(500);
        builder.HasIndex(m => new { m.CounterRequestId, m.Position }).IsUnique();
        builder.HasOne(m => m.Scan).WithOne().HasForeignKey<MaterialScan>(s => s.CounterRequestMaterialId).OnDelete(DeleteBehavior.Cascade);
    }
}
