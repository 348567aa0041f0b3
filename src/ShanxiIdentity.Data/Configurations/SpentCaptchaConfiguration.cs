using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class SpentCaptchaConfiguration : IEntityTypeConfiguration<SpentCaptcha>
{
    public void Configure(EntityTypeBuilder<SpentCaptcha> builder)
    {
        builder.ToTable("SpentCaptchas");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.ExpiresAt);
    }
}
