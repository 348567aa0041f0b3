using Microsoft.EntityFrameworkCore;

namespace ShanxiIdentity.MyCases.Data;

public class CasesDbContext(DbContextOptions<CasesDbContext> options) : DbContext(options)
{
    public DbSet<CaseApplication> Cases => Set<CaseApplication>();

    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();

    public DbSet<SeenLogoutToken> SeenLogoutTokens => Set<SeenLogoutToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var application = modelBuilder.Entity<CaseApplication>();
        application.ToTable("Cases");
        application.Property(c => c.OwnerSubject).HasMaxLength(100);
        application.Property(c => c.ReferenceNumber).HasMaxLength(30);
        application.Property(c => c.CertificateKind).HasMaxLength(20);
        application.Property(c => c.ApplicantName).HasMaxLength(50);
        application.Property(c => c.Purpose).HasMaxLength(100);
        application.Property(c => c.ContactPhone).HasMaxLength(20);
        application.Property(c => c.DeliveryMethod).HasMaxLength(20);
        application.Property(c => c.Address).HasMaxLength(200);
        application.Property(c => c.Remarks).HasMaxLength(500);
        application.HasIndex(c => new { c.OwnerSubject, c.UpdatedAt });
        application.HasIndex(c => c.ReferenceNumber).IsUnique();

        var ended = modelBuilder.Entity<EndedSession>();
        ended.Property(e => e.Subject).HasMaxLength(100);
        ended.Property(e => e.SessionId).HasMaxLength(100);
        ended.HasIndex(e => new { e.Subject, e.EndedAt });

        var seen = modelBuilder.Entity<SeenLogoutToken>();
        seen.HasKey(t => t.JwtId);
        seen.Property(t => t.JwtId).HasMaxLength(100);
    }
}
