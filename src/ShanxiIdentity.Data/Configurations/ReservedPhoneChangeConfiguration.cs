using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class ReservedPhoneChangeConfiguration : IEntityTypeConfiguration<ReservedPhoneChange>
{
    public void Configure(EntityTypeBuilder<ReservedPhoneChange> builder)
    {
        builder.ToTable("ReservedPhoneChanges");
        builder.Property(c => c.OldPhone!).IsPersonalData();
        builder.Property(c => c.NewPhone).IsPersonalData();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CounterRequest>().WithMany().HasForeignKey(c => c.CounterRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AccountId, c.ChangedAt });
    }
}
