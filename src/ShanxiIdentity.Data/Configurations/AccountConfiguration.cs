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
        builder.HasIndex(a => a.PhoneNumber);

        builder.HasOne(a => a.Person).WithOne().HasForeignKey<PersonProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.LegalEntity).WithOne().HasForeignKey<LegalEntityProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Staff).WithOne().HasForeignKey<StaffProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.PhoneChanges).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffProfileConfiguration : IEntityTypeConfiguration<StaffProfile>
{
    public void Configure(EntityTypeBuilder<StaffProfile> builder)
    {
        builder.ToTable("StaffProfiles");
        builder.HasKey(p => p.AccountId);
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}

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

internal sealed class ReservedPhoneChangeConfiguration : IEntityTypeConfiguration<ReservedPhoneChange>
{
    public void Configure(EntityTypeBuilder<ReservedPhoneChange> builder)
    {
        builder.ToTable("ReservedPhoneChanges");
        builder.Property(c => c.OldPhone!).IsPersonalData();
        builder.Property(c => c.NewPhone).IsPersonalData();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CounterRequest>().WithMany().HasForeignKey(c => c.CounterRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AccountId, c.ChangedAt });
    }
}
