using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

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
