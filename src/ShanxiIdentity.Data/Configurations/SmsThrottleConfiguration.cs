using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class SmsThrottleConfiguration : IEntityTypeConfiguration<SmsThrottle>
{
    public void Configure(EntityTypeBuilder<SmsThrottle> builder)
    {
        builder.ToTable("SmsThrottles");
        builder.HasKey(t => t.Phone);
        builder.Property(t => t.Phone).IsPersonalData();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
