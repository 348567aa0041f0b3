using Microsoft.EntityFrameworkCore;

namespace ShanxiIdentity.MyCases.Data;

public class CasesDbContext(DbContextOptions<CasesDbContext> options) : DbContext(options)
{
    public DbSet<CaseApplication> Cases => Set<CaseApplication>();

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
    }
}
