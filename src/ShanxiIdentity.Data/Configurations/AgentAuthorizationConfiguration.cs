using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Data.Configurations;

internal sealed class AgentAuthorizationConfiguration : IEntityTypeConfiguration<AgentAuthorization>
{
    public void Configure(EntityTypeBuilder<AgentAuthorization> builder)
    {
        builder.ToTable("AgentAuthorizations");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PersonName).HasMaxLength(100);
        builder.Property(a => a.PersonIdNumber).IsPersonalData();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ClientIds).HasMaxLength(Domain.Agents.AgentTerms.MaxClientIdsLength).IsUnicode(false);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // 经办人管理 lists an organisation's; the person's own are found by account, or by ID number before they accept.
        builder.HasIndex(a => a.OrganisationAccountId);
        builder.HasIndex(a => a.PersonAccountId);
        builder.HasIndex(a => a.PersonIdNumber);

        // The expiry job looks for open authorisations past their end date.
        builder.HasIndex(a => new { a.Status, a.EndsOn });

        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.PersonAccountId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
