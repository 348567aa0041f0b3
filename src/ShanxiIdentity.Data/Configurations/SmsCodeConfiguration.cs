using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> builder)
    {
        builder.ToTable("SmsCodes");
        builder.Property(c => c.Phone).IsPersonalData();
        builder.Property(c => c.Purpose).HasMaxLength(50).IsUnicode(false);
        builder.Property(c => c.CodeHash).HasMaxLength(128).IsUnicode(false);
        builder.HasIndex(c => new { c.Phone, c.Purpose, c.CreatedAt });
    }
}
