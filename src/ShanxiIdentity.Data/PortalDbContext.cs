using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data;

/// <summary>The portal's one database: Identity's tables, the portal's own, OpenIddict's, and Data Protection keys.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<PersonProfile> PersonProfiles => Set<PersonProfile>();

    public DbSet<StaffProfile> StaffProfiles => Set<StaffProfile>();

    public DbSet<LegalEntityProfile> LegalEntityProfiles => Set<LegalEntityProfile>();

    public DbSet<ReservedPhoneChange> ReservedPhoneChanges => Set<ReservedPhoneChange>();

    public DbSet<CounterRequest> CounterRequests => Set<CounterRequest>();

    public DbSet<CounterRequestMaterial> CounterRequestMaterials => Set<CounterRequestMaterial>();

    public DbSet<MaterialScan> MaterialScans => Set<MaterialScan>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SmsMessage> SmsOutbox => Set<SmsMessage>();

    public DbSet<SpentCaptcha> SpentCaptchas => Set<SpentCaptcha>();

    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    public DbSet<QrSignIn> QrSignIns => Set<QrSignIn>();

    public DbSet<AgentAuthorization> AgentAuthorizations => Set<AgentAuthorization>();

    public DbSet<SmsCode> SmsCodes => Set<SmsCode>();

    public DbSet<SmsThrottle> SmsThrottles => Set<SmsThrottle>();

    public DbSet<ResidentRecord> Residents => Set<ResidentRecord>();

    public DbSet<OrganisationRecord> Organisations => Set<OrganisationRecord>();

    public DbSet<ServiceHall> ServiceHalls => Set<ServiceHall>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ProviderKey> ProviderKeys => Set<ProviderKey>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<BackChannelLogout> BackChannelLogouts => Set<BackChannelLogout>();

    public DbSet<PersonalDataExport> PersonalDataExports => Set<PersonalDataExport>();

    public DbSet<PrivacyAcceptance> PrivacyAcceptances => Set<PrivacyAcceptance>();

    /// <summary>The portal's own column on Identity's passkey rows (a shadow property).</summary>
    public const string PasskeyLastUsedAt = "LastUsedAt";


    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only: no code path of the portal may change or delete a row.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Identity keeps when a passkey was added; 我的账号 also shows when it last signed its holder in.
        ConfigurePasskeys(builder);

        // The OpenID Connect provider's client systems, consents and tokens (OpenIddict's own entities).
        builder.UseOpenIddict();
        builder.Entity<DataProtectionKey>(key =>
        {
            key.Property(k => k.FriendlyName).HasMaxLength(200);
            key.Property(k => k.Xml).HasMaxLength(8000);
        });
    }

    /// <summary>
    /// Identity's schema 3 passkey table (通行密钥), configured here as Identity's schema 3 configures it,
    /// without the rest of schema 3 (shorter PhoneNumber and key columns: the phone is stored encrypted,
    /// longer than 256). Identity reads its schema version from the host's IdentityOptions, which the
    /// tools that generate migrations and compiled models lack; this way both build the same model.
    /// One column is the portal's own: when the passkey last signed its holder in.
    /// </summary>
    private static void ConfigurePasskeys(ModelBuilder builder)
    {
        builder.Entity<IdentityUserPasskey<Guid>>(passkey =>
        {
            passkey.HasKey(p => p.CredentialId);
            passkey.ToTable("AspNetUserPasskeys");
            passkey.Property(p => p.CredentialId).HasMaxLength(1024);
            passkey.OwnsOne(p => p.Data).ToJson();
            passkey.Property<DateTime?>(PasskeyLastUsedAt);
        });
        builder.Entity<Account>().HasMany<IdentityUserPasskey<Guid>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every instant is stored and read back as UTC, the same on the three providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
