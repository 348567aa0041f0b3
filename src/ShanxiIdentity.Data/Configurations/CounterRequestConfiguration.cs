using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class CounterRequestConfiguration : IEntityTypeConfiguration<CounterRequest>
{
    public void Configure(EntityTypeBuilder<CounterRequest> builder)
    {
        builder.ToTable("CounterRequests");
        builder.Property(r => r.Operation).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.UserType).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ChangeKind).HasConversion<string>().HasMaxLength(40);
        // A concurrency token: two supervisors deciding at once cannot both apply the change.
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(r => r.AgentName).HasMaxLength(100);
        builder.Property(r => r.AgentIdNumber!).IsPersonalData();
        // New phones and ID numbers inside: the whole JSON is encrypted (no length limit: it grows by a third).
        builder.Property(r => r.ChangeDetails).IsEncrypted();
        builder.Property(r => r.DecisionNote).HasMaxLength(1000);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.CreatedByStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.DecidedByStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Materials).WithOne().HasForeignKey(m => m.CounterRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.AccountId, r.Status });
    }
}
