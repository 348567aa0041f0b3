using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class BackChannelLogoutConfiguration : IEntityTypeConfiguration<BackChannelLogout>
{
    public void Configure(EntityTypeBuilder<BackChannelLogout> builder)
    {
        builder.ToTable("BackChannelLogouts");
        builder.Property(l => l.ClientId).HasMaxLength(100);
        builder.Property(l => l.Subject).HasMaxLength(100).IsUnicode(false);
        builder.Property(l => l.SessionId).HasMaxLength(100).IsUnicode(false);
        builder.Property(l => l.Reason).HasMaxLength(50).IsUnicode(false);
        // The outcome of a try is saved only while this instance still holds the claim.
        builder.Property(l => l.ClaimedBy).HasMaxLength(100).IsUnicode(false).IsConcurrencyToken();
        builder.Property(l => l.DeliveryError).HasMaxLength(500);

        // The worker looks for the rows due; the client's page counts what was given up.
        builder.HasIndex(l => l.NextAttemptAt);
        builder.HasIndex(l => new { l.ClientId, l.GaveUpAt });
    }
}
