namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>
/// Positions 1–2 of a credit code (GB 32100-2015): the registration department and the
/// category of organisation under it.
/// </summary>
public sealed record RegistrationCategory(string Code, string Department, string Category)
{
    /// <summary>Department 9 (工商/市场监管) is the only one the market-supervision administration registers.</summary>
    public bool IsMarketSupervision => Code[0] == '9';

    private static readonly Dictionary<string, RegistrationCategory> ByCode = new[]
    {
        new RegistrationCategory("11", "机构编制", "机关"),
        new RegistrationCategory("12", "机构编制", "事业单位"),
        new RegistrationCategory("13", "机构编制", "中央编办直接管理机构编制的群众团体"),
        new RegistrationCategory("19", "机构编制", "其他"),
        new RegistrationCategory("21", "外交", "外国常驻新闻机构"),
        new RegistrationCategory("29", "外交", "其他"),
        new RegistrationCategory("31", "司法行政", "律师执业机构"),
        new RegistrationCategory("32", "司法行政", "公证处"),
        new RegistrationCategory("33", "司法行政", "基层法律服务所"),
        new RegistrationCategory("34", "司法行政", "司法鉴定机构"),
        new RegistrationCategory("35", "司法行政", "仲裁委员会"),
        new RegistrationCategory("39", "司法行政", "其他"),
        new RegistrationCategory("41", "文化", "外国在华文化中心"),
        new RegistrationCategory("49", "文化", "其他"),
        new RegistrationCategory("51", "民政", "社会团体"),
        new RegistrationCategory("52", "民政", "民办非企业单位"),
        new RegistrationCategory("53", "民政", "基金会"),
        new RegistrationCategory("59", "民政", "其他"),
        new RegistrationCategory("61", "旅游", "外国旅游部门常驻代表机构"),
        new RegistrationCategory("62", "旅游", "港澳台地区旅游部门常驻内地代表机构"),
        new RegistrationCategory("69", "旅游", "其他"),
        new RegistrationCategory("71", "宗教", "宗教活动场所"),
        new RegistrationCategory("72", "宗教", "宗教院校"),
        new RegistrationCategory("79", "宗教", "其他"),
        new RegistrationCategory("81", "工会", "基层工会"),
        new RegistrationCategory("89", "工会", "其他"),
        new RegistrationCategory("91", "工商/市场监管", "企业"),
        new RegistrationCategory("92", "工商/市场监管", "个体工商户"),
        new RegistrationCategory("93", "工商/市场监管", "农民专业合作社"),
        new RegistrationCategory("A1", "军队编制", "军队事业单位"),
        new RegistrationCategory("A9", "军队编制", "其他"),
        new RegistrationCategory("N1", "农业", "组级集体经济组织"),
        new RegistrationCategory("N2", "农业", "村级集体经济组织"),
        new RegistrationCategory("N3", "农业", "乡镇级集体经济组织"),
        new RegistrationCategory("N9", "农业", "其他"),
        new RegistrationCategory("Y1", "其他", "其他"),
    }.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<RegistrationCategory> All => ByCode.Values;

    public static RegistrationCategory? Find(string code) => ByCode.GetValueOrDefault(code);
}
