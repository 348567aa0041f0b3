using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Domain.Tests.Counter;

/// <summary>Accounts and requests for the request's own tests: no database, only the entity and the clock's values.</summary>
internal static class CounterRequestBuilder
{
    public static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly Guid Clerk = Guid.NewGuid();
    public static readonly Guid Supervisor = Guid.NewGuid();

    /// <summary>A small real PNG (1×1): what a scanner produces, by content.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>Stands for the personal-data cipher: marks the content so a test can see it was sealed.</summary>
    public static byte[] Seal(byte[] content) => [0x5A, .. content];

    public static Account Citizen(string phone = "13800138000", DateTime? verifiedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        Kind = AccountKind.Person,
        PhoneNumber = phone,
        Person = new PersonProfile { Name = "张三", ResidentIdNumber = "11010519491231002X", RealNameVerifiedAt = verifiedAt },
    };

    public static Account Organisation(LegalEntityType type = LegalEntityType.Enterprise) => new()
    {
        Id = Guid.NewGuid(),
        Kind = AccountKind.LegalEntity,
        PhoneNumber = "13900139000",
        LegalEntity = new LegalEntityProfile
        {
            Type = type,
            OrganisationName = "山西示例有限公司",
            CreditCode = "91350100M000100Y43",
            RepresentativeName = "李四",
            RepresentativeIdNumber = "11010519491231002X",
        },
    };

    public static OpenRequest PhoneChange(Account account, string newPhone = "13912345678") =>
        new(account.Id, CounterChangeKind.ReservedPhone, CounterUserType.Person, false, null, null, null, new CounterChange { NewPhone = newPhone });

    public static OpenRequest ByAgent(this OpenRequest open, string agentName, string agentIdNumber, DateOnly? letterDate) =>
        open with { ByAgent = true, AgentName = agentName, AgentIdNumber = agentIdNumber, LetterDate = letterDate };

    public static OpenRequest PersonRegistration(CounterChange change) =>
        new(null, CounterChangeKind.Registration, CounterUserType.Person, false, null, null, null, change);

    /// <summary>A draft phone change for a citizen, opened by <see cref="Clerk"/>.</summary>
    public static CounterRequest Draft(OpenRequest? open = null, Account? account = null)
    {
        account ??= Citizen();
        var (request, refusal) = CounterRequest.Open(open ?? PhoneChange(account), account, Clerk, Now, Today);
        Assert.Null(refusal);
        return request!;
    }

    /// <summary>Every material ticked and scanned.</summary>
    public static CounterRequest Completed(this CounterRequest request)
    {
        foreach (var material in request.Materials)
        {
            Assert.Null(request.Tick(material.Position, isChecked: true, Now));
            Assert.Null(request.AttachScan(material.Position, $"材料{material.Position}.png", Png, Seal, Clerk, Now));
        }

        return request;
    }

    public static CounterRequest Submitted(this CounterRequest request)
    {
        Assert.Null(request.Completed().Submit(Now, Today));
        return request;
    }
}
