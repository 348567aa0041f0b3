using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Domain.Guidance;

/// <summary>
/// 用户注册和信息修改材料要求: the seed's table, once, for the public materials page and for the
/// counter's checklist. Registration and modification need the same materials, so a row is keyed
/// by user type and agent; the table has no row for 社团法人 or 个体工商户 (confirmed at the hall).
/// </summary>
public static class MaterialsTable
{
    private static readonly MaterialsCase[] Rows =
    [
        Row(CounterUserType.Person, false,
            "身份证复印件（本人签字），原件备查。",
            "山西省政务服务网用户协议（本人签字，附录 4）。"),
        Row(CounterUserType.Person, true,
            "授权人身份证复印件（授权人签字）和被授权人身份证复印件（被授权人签字），被授权人身份证原件备查。",
            "自然人授权委托书原件（附录 1）。",
            "山西省政务服务网用户协议（本人签字，附录 4）。"),
        Row(CounterUserType.Enterprise, false,
            "营业执照复印件（加盖公章），原件备查。",
            "法人代表身份证复印件（加盖公章），原件备查。",
            "山西省政务服务网用户协议（加盖公章，附录 4）。"),
        Row(CounterUserType.Enterprise, true,
            "营业执照复印件（加盖公章），原件备查。",
            "法人代表身份证复印件（加盖公章）、被授权人身份证复印件（被授权人签字并加盖公章），被授权人身份证原件备查。",
            "法人授权委托书（附录 2）。",
            "山西省政务服务网用户协议（加盖公章，附录 4）。"),
        Row(CounterUserType.EnterpriseBranch, false,
            "分公司营业执照复印件（加盖分公司公章），原件备查。",
            "分公司负责人身份证复印件（加盖分公司公章），原件备查。",
            "总公司营业执照复印件（加盖总公司公章）。",
            "总公司法人代表身份证复印件（加盖总公司公章）。",
            "山西省政务服务网用户协议（加盖分公司公章，附录 4）。"),
        Row(CounterUserType.EnterpriseBranch, true,
            "分公司营业执照复印件（加盖总公司公章），原件备查。",
            "分公司负责人身份证复印件（加盖分公司公章），原件备查。",
            "总公司营业执照复印件（加盖总公司公章）。",
            "总公司法人代表身份证复印件（加盖总公司公章）。",
            "被授权人身份证复印件（被授权人签字并加盖分公司公章），原件备查。",
            "负责人授权委托书（附录3）。",
            "山西省政务服务网用户协议（加盖分公司公章，附录4）。"),
        Row(CounterUserType.PublicInstitution, false,
            "事业单位法人证书复印件（加盖公章），原件备查。",
            "法人代表身份证复印件（加盖公章），原件备查。",
            "山西省政务服务网用户协议（加盖公章，附录4）。"),
        Row(CounterUserType.PublicInstitution, true,
            "事业单位法人证书复印件（加盖公章），原件备查。",
            "法人代表身份证复印件（加盖公章）。",
            "被授权人身份证复印件（被授权人签字并加盖公章），原件备查。",
            "法人授权委托书（附录2）。",
            "山西省政务服务网用户协议（加盖公章，附录4）。"),
        Row(CounterUserType.PrivateNonEnterprise, false,
            "民办非企业法人证书复印件（加盖公章），原件备查",
            "法人代表身份证复印件（加盖公章），原件备查",
            "山西省政务服务网用户协议（加盖公章，附录4）。"),
        Row(CounterUserType.PrivateNonEnterprise, true,
            "民办非企业法人证书复印件（加盖公章），原件备查",
            "法人代表身份证复印件（加盖公章）",
            "被授权人身份证复印件（被授权人签字并加盖公章），原件备查",
            "法人授权委托书（附录2）。",
            "山西省政务服务网用户协议（加盖公章，附录4）。"),
    ];

    public static IReadOnlyList<MaterialsCase> All => Rows;

    public static MaterialsCase For(CounterUserType userType, bool byAgent) =>
        Rows.Single(r => r.UserType == userType && r.ByAgent == byAgent);

    public static string DisplayName(this CounterUserType userType) => userType switch
    {
        CounterUserType.Person => "自然人",
        CounterUserType.Enterprise => "企业法人",
        CounterUserType.EnterpriseBranch => "企业法人（分公司）",
        CounterUserType.PublicInstitution => "机关事业单位",
        CounterUserType.PrivateNonEnterprise => "民办非企业",
        _ => throw new ArgumentOutOfRangeException(nameof(userType), userType, null),
    };

    public static string DisplayName(this CounterOperation operation) => operation switch
    {
        CounterOperation.Register => "用户注册",
        CounterOperation.Modify => "信息修改",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private static MaterialsCase Row(CounterUserType userType, bool byAgent, params string[] items) =>
        new(userType, byAgent, items.Select((text, i) => new MaterialItem(i + 1, text)).ToArray());
}
