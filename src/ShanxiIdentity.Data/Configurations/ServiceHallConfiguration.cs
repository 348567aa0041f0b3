using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class ServiceHallConfiguration : IEntityTypeConfiguration<ServiceHall>
{
    public void Configure(EntityTypeBuilder<ServiceHall> builder)
    {
        builder.ToTable("ServiceHalls");
        builder.Property(h => h.City).HasMaxLength(10);
        builder.Property(h => h.Name).HasMaxLength(100);
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.Property(h => h.Hours).HasMaxLength(100);
        builder.Property(h => h.Phone).HasMaxLength(50);

        // A hall is known by its city and name: importing the list again updates it.
        builder.HasIndex(h => new { h.City, h.Name }).IsUnique();
    }
}
