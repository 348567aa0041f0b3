using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PhoneNumber!).IsPersonalData();
        builder.Property(a => a.PasswordHash).HasMaxLength(512);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64);
        builder.Property(a => a.ConcurrencyStamp).HasMaxLength(64);
        builder.Property(a => a.PrivacyVersion).HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(a => a.PhoneNumber);

        // The closing task looks for accounts whose cooling-off has ended.
        builder.HasIndex(a => a.ClosingDueAt);

        builder.HasOne(a => a.Person).WithOne().HasForeignKey<PersonProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.LegalEntity).WithOne().HasForeignKey<LegalEntityProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Staff).WithOne().HasForeignKey<StaffProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.PhoneChanges).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
