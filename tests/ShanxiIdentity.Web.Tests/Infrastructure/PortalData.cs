using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>Reads and seeds the portal's real database, as an operator's tools would.</summary>
public static partial class PortalData
{
    public static async Task AddResidentAsync(this PortalFactory factory, Citizen citizen)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(citizen);
        _ = factory.Services; // starts the host (TestServer or Kestrel) and so migrates the database
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Residents.Add(new ResidentRecord { ResidentIdNumber = citizen.IdNumber, Name = citizen.Name, ImportedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A registered citizen written straight into the store (as the registration form would leave
    /// it), for tests whose subject is not registration and whose client cannot speak HTTPS.
    /// </summary>
    public static async Task<Citizen> SeedCitizenAsync(this PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var citizen = Citizen.New();
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
        var account = Services.Accounts.AccountFactory.Person(citizen.Name, citizen.IdNumber, userName: null, new Services.Accounts.FirstPhone(citizen.Phone), DateTime.UtcNow);
        var created = await users.CreateAsync(account, citizen.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return citizen;
    }

    /// <summary>
    /// A registered, verified organisation (法人账号) written straight into the store, like
    /// <see cref="SeedCitizenAsync"/>, and held by the registry, so its own login passes the real-name check.
    /// </summary>
    public static async Task<Organisation> SeedOrganisationAsync(this PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var organisation = Organisation.New(Domain.Accounts.LegalEntityType.Enterprise);
        await factory.AddToRegistryAsync(organisation);
        await using var scope = factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
        var details = new Services.Accounts.OrganisationDetails(organisation.Type, organisation.Name, organisation.CreditCode, organisation.RepresentativeName, organisation.RepresentativeIdNumber, null);
        var account = Services.Accounts.AccountFactory.LegalEntity(details, organisation.LoginName, new Services.Accounts.FirstPhone(organisation.Phone), verified: true, DateTime.UtcNow);
        var created = await users.CreateAsync(account, organisation.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return organisation;
    }

    /// <summary>The code in the newest SMS the phone received, once the outbox is delivered (the table keeps no code).</summary>
    public static async Task<string> LatestSmsCodeAsync(this PortalFactory factory, string phone)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await factory.DeliverSmsAsync();
        var text = factory.LatestSmsTo(phone) ?? throw new InvalidOperationException("No SMS reached " + phone);
        return SixDigits().Match(text).Value;
    }

    public static async Task<T> QueryAsync<T>(this PortalFactory factory, Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
