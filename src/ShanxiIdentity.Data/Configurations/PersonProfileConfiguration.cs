using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class PersonProfileConfiguration : IEntityTypeConfiguration<PersonProfile>
{
    public void Configure(EntityTypeBuilder<PersonProfile> builder)
    {
        builder.ToTable("PersonProfiles");
        builder.HasKey(p => p.AccountId);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.ResidentIdNumber).IsPersonalData();

        // The seed: one personal account per ID number (该身份证号已被认证).
        builder.HasIndex(p => p.ResidentIdNumber).IsUnique();
    }
}
