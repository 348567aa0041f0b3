using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Action).HasMaxLength(100).IsUnicode(false);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.ClientAddress).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.SubjectAccountId, e.At });
        builder.HasIndex(e => new { e.ActorAccountId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> builder)
    {
        builder.ToTable("SmsOutbox");
        builder.Property(m => m.Phone).IsPersonalData();

        // A live code is a secret: only ciphertext at rest (room for 500 characters of text, encrypted).
        builder.Property(m => m.Text!).IsEncrypted().HasMaxLength(2100);
        builder.Property(m => m.Purpose).HasMaxLength(50).IsUnicode(false);
        // The outcome of a send is saved only while this instance still holds the claim.
        builder.Property(m => m.ClaimedBy).HasMaxLength(100).IsUnicode(false).IsConcurrencyToken();
        builder.Property(m => m.DeliveryError).HasMaxLength(500);

        // Send limits count a phone's messages over a window; the worker looks for the ones due.
        builder.HasIndex(m => new { m.Phone, m.CreatedAt });
        builder.HasIndex(m => m.NextAttemptAt);
    }
}

internal sealed class SpentCaptchaConfiguration : IEntityTypeConfiguration<SpentCaptcha>
{
    public void Configure(EntityTypeBuilder<SpentCaptcha> builder)
    {
        builder.ToTable("SpentCaptchas");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.ExpiresAt);
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("SignInSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();

        // Every session of one account is ended at once (a password reset, 退出其他设备).
        builder.HasIndex(s => s.AccountId);
        builder.HasOne(s => s.Account).WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SmsThrottleConfiguration : IEntityTypeConfiguration<SmsThrottle>
{
    public void Configure(EntityTypeBuilder<SmsThrottle> builder)
    {
        builder.ToTable("SmsThrottles");
        builder.HasKey(t => t.Phone);
        builder.Property(t => t.Phone).IsPersonalData();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> builder)
    {
        builder.ToTable("SmsCodes");
        builder.Property(c => c.Phone).IsPersonalData();
        builder.Property(c => c.Purpose).HasMaxLength(50).IsUnicode(false);
        builder.Property(c => c.CodeHash).HasMaxLength(128).IsUnicode(false);
        builder.HasIndex(c => new { c.Phone, c.Purpose, c.CreatedAt });
    }
}

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

internal sealed class ProviderKeyConfiguration : IEntityTypeConfiguration<ProviderKey>
{
    public void Configure(EntityTypeBuilder<ProviderKey> builder)
    {
        builder.ToTable("ProviderKeys");
        builder.Property(k => k.Purpose).HasMaxLength(20).IsUnicode(false);
        builder.Property(k => k.SealedPrivateKey).HasMaxLength(4096);
        builder.HasIndex(k => k.Purpose).IsUnique();
    }
}
