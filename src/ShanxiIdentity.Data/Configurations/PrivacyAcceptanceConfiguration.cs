using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class PrivacyAcceptanceConfiguration : IEntityTypeConfiguration<PrivacyAcceptance>
{
    public void Configure(EntityTypeBuilder<PrivacyAcceptance> builder)
    {
        builder.ToTable("PrivacyAcceptances");
        builder.Property(a => a.Version).HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(a => new { a.AccountId, a.AcceptedAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
