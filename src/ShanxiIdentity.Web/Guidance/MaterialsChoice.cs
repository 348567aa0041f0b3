using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;

namespace ShanxiIdentity.Web.Guidance;

/// <summary>What a visitor picked on 办理材料, and the list it leads to.</summary>
public sealed record MaterialsChoice(CounterOperation? Operation, MaterialsUserType? UserType, bool? ByAgent)
{
    public static IReadOnlyList<MaterialsUserType> UserTypes { get; } =
    [
        Listed("person", CounterUserType.Person),
        Listed("enterprise", CounterUserType.Enterprise),
        Listed("branch", CounterUserType.EnterpriseBranch),
        Listed("institution", CounterUserType.PublicInstitution),
        Listed("private-non-enterprise", CounterUserType.PrivateNonEnterprise),
        new("social-organisation", ShanxiIdentity.Domain.Accounts.LegalEntityType.SocialOrganisation.DisplayName(), null),
        new("individual-business", ShanxiIdentity.Domain.Accounts.LegalEntityType.IndividualBusiness.DisplayName(), null),
    ];

    /// <summary>The picker's user type for a 法人类型, for links to "the materials list for that type".</summary>
    public static string SlugFor(ShanxiIdentity.Domain.Accounts.LegalEntityType type) => type switch
    {
        ShanxiIdentity.Domain.Accounts.LegalEntityType.Enterprise => "enterprise",
        ShanxiIdentity.Domain.Accounts.LegalEntityType.EnterpriseBranch => "branch",
        ShanxiIdentity.Domain.Accounts.LegalEntityType.IndividualBusiness => "individual-business",
        ShanxiIdentity.Domain.Accounts.LegalEntityType.SocialOrganisation => "social-organisation",
        ShanxiIdentity.Domain.Accounts.LegalEntityType.PublicInstitution => "institution",
        _ => "private-non-enterprise",
    };

    /// <summary>The picker's user type for an account: its 法人类型, or 自然人.</summary>
    public static string SlugFor(ShanxiIdentity.Data.Entities.Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.LegalEntity is { } organisation ? SlugFor(organisation.Type) : "person";
    }

    private static MaterialsUserType Listed(string slug, CounterUserType type) => new(slug, type.DisplayName(), type);

    public static MaterialsChoice Parse(string? operation, string? userType, string? agent) => new(
        operation switch { "register" => CounterOperation.Register, "modify" => CounterOperation.Modify, _ => null },
        UserTypes.FirstOrDefault(t => t.Slug == userType),
        agent switch { "yes" => true, "no" => false, _ => null });

    public bool IsComplete => Operation is not null && UserType is not null && ByAgent is not null;

    /// <summary>The seed's row for the choice; null when incomplete or when the table has no row for the type.</summary>
    public MaterialsCase? Case => IsComplete && UserType!.TableType is { } type ? MaterialsTable.For(type, ByAgent!.Value) : null;

    public string Heading => IsComplete
        ? $"{Operation!.Value.DisplayName()} · {UserType!.Name} · {(ByAgent!.Value ? GuidanceMessages.ByAgent : GuidanceMessages.InPerson)}"
        : string.Empty;
}
