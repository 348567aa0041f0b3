using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class LegalEntityProfileConfiguration : IEntityTypeConfiguration<LegalEntityProfile>
{
    public void Configure(EntityTypeBuilder<LegalEntityProfile> builder)
    {
        builder.ToTable("LegalEntityProfiles");
        builder.HasKey(p => p.AccountId);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.OrganisationName).HasMaxLength(200);
        builder.Property(p => p.CreditCode).HasMaxLength(18).IsUnicode(false);
        builder.Property(p => p.RepresentativeName).HasMaxLength(100);
        builder.Property(p => p.RepresentativeIdNumber).IsPersonalData();
        builder.Property(p => p.HeadOfficeCreditCode).HasMaxLength(18).IsUnicode(false);

        // The seed: one legal-entity account per credit code (该统一社会信用代码已被认证).
        builder.HasIndex(p => p.CreditCode).IsUnique();
    }
}
