using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Action).HasMaxLength(100).IsUnicode(false);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.ClientAddress).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.ActorRole).HasMaxLength(64);
        builder.Property(e => e.ActorHall).HasMaxLength(200);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.SubjectAccountId, e.At });
        builder.HasIndex(e => new { e.ActorAccountId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
