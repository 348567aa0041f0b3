using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class QrSignInConfiguration : IEntityTypeConfiguration<QrSignIn>
{
    public void Configure(EntityTypeBuilder<QrSignIn> builder)
    {
        builder.ToTable("QrSignIns");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.PublicId).HasMaxLength(64).IsUnicode(false);
        builder.Property(q => q.SecretHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(q => q.RequesterAddress).HasMaxLength(45).IsUnicode(false);
        builder.Property(q => q.RequesterUserAgent).HasMaxLength(512);

        // The desktop polls every two seconds: one read by this index.
        builder.HasIndex(q => q.PublicId).IsUnique();

        // Expired rows are removed by age.
        builder.HasIndex(q => q.ExpiresAt);
        builder.HasOne<Account>().WithMany().HasForeignKey(q => q.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
