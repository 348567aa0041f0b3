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

        // Every session of one account is ended at once (a password reset, 退出其他设备).
        builder.HasIndex(s => s.AccountId);
        builder.HasOne(s => s.Account).WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.ActingAuthorization).WithMany().HasForeignKey(s => s.ActingAuthorizationId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
