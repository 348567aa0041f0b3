using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class ResidentRecordConfiguration : IEntityTypeConfiguration<ResidentRecord>
{
    public void Configure(EntityTypeBuilder<ResidentRecord> builder)
    {
        builder.ToTable("Residents");
        builder.HasKey(r => r.ResidentIdNumber);
        builder.Property(r => r.ResidentIdNumber).IsPersonalData();
        builder.Property(r => r.Name).HasMaxLength(100);
    }
}
