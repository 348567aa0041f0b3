using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class PersonalDataExportConfiguration : IEntityTypeConfiguration<PersonalDataExport>
{
    public void Configure(EntityTypeBuilder<PersonalDataExport> builder)
    {
        builder.ToTable("PersonalDataExports");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.AccountId, e.RequestedAt });
        builder.HasIndex(e => e.ExpiresAt);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
