using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("SignInSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();

        builder.Property(s => s.Methods).HasMaxLength(64);
        builder.Property(s => s.MaskedAddress).HasMaxLength(32);
        builder.Property(s => s.Browser).HasMaxLength(64);
        builder.Property(s => s.BrowserKeyHash).HasMaxLength(64).IsUnicode(false);

        // Every session of one account is ended at once (a password reset, 退出其他设备), and a
        // sign-in asks whether the account has used this browser before: one index serves both.
        builder.HasIndex(s => new { s.AccountId, s.BrowserKeyHash });
        builder.HasOne(s => s.Account).WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.ActingAuthorization).WithMany().HasForeignKey(s => s.ActingAuthorizationId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
