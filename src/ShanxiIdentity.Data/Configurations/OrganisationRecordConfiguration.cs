using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class OrganisationRecordConfiguration : IEntityTypeConfiguration<OrganisationRecord>
{
    public void Configure(EntityTypeBuilder<OrganisationRecord> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.CreditCode);
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsUnicode(false);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.LegalRepresentative).HasMaxLength(100);
    }
}
