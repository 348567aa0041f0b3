using System.Text.Json.Nodes;

namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>
/// The page to print of 下载我的信息: the same document as the JSON file, its keys in Chinese,
/// section by section (an object is one item of rows, a list one item per entry).
/// </summary>
public static class PrintableExport
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["account"] = "账号", ["person"] = "个人信息", ["legalEntity"] = "单位信息", ["reservedPhoneChanges"] = "预留手机号变更记录",
        ["consents"] = "已授权的业务系统", ["signIns"] = "登录记录", ["passkeys"] = "通行密钥", ["secondFactor"] = "两步验证",
        ["agentAuthorizations"] = "经办人授权", ["asPerson"] = "作为经办人", ["asOrganisation"] = "本单位的经办人", ["counterRequests"] = "政务大厅办理记录",
        ["privacyAcceptances"] = "同意隐私政策记录", ["auditEvents"] = "账号操作记录",
        ["id"] = "账号编号", ["kind"] = "账号类型", ["loginName"] = "登录账号", ["reservedPhone"] = "预留手机号", ["email"] = "电子邮箱", ["createdAt"] = "创建时间",
        ["privacyPolicyVersion"] = "已同意的隐私政策版本", ["name"] = "名称", ["residentIdNumber"] = "身份证号", ["realNameVerifiedAt"] = "实名核验时间",
        ["type"] = "类型", ["organisationName"] = "单位名称", ["creditCode"] = "统一社会信用代码", ["representativeName"] = "法定代表人（负责人）",
        ["representativeIdNumber"] = "法定代表人身份证号", ["headOfficeCreditCode"] = "总公司统一社会信用代码", ["verifiedAtCounter"] = "政务大厅核验",
        ["changedAt"] = "变更时间", ["oldPhone"] = "原手机号", ["newPhone"] = "新手机号", ["channel"] = "途径", ["client"] = "业务系统", ["grantedAt"] = "授权时间",
        ["scopes"] = "授权范围", ["given"] = "提供的信息", ["at"] = "时间", ["methods"] = "方式", ["address"] = "访问地址", ["browser"] = "浏览器", ["endedAt"] = "结束时间",
        ["enabled"] = "已开启", ["recoveryCodesLeft"] = "剩余恢复码", ["organisation"] = "单位", ["agent"] = "经办人", ["role"] = "权限", ["startsOn"] = "开始日期",
        ["endsOn"] = "结束日期", ["status"] = "状态", ["respondedAt"] = "答复时间", ["byAgent"] = "委托代办", ["openedAt"] = "受理时间", ["openedBy"] = "受理岗位",
        ["submittedAt"] = "提交时间", ["decidedAt"] = "审核时间", ["decidedBy"] = "审核岗位", ["decisionNote"] = "审核意见", ["appliedAt"] = "生效时间",
        ["version"] = "版本", ["acceptedAt"] = "同意时间", ["action"] = "操作",
    };

    public static string Label(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    /// <summary>The document's sections in order (the header fields — schema, time — are the page's own).</summary>
    public static IEnumerable<PrintSection> Sections(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (key, node) in document)
        {
            switch (node)
            {
                case JsonObject nested when nested.All(p => p.Value is JsonArray):
                    foreach (var (inner, list) in nested)
                    {
                        yield return new PrintSection(Label(key) + " · " + Label(inner), [.. ((JsonArray)list!).OfType<JsonObject>().Select(Rows)]);
                    }

                    break;
                case JsonObject single:
                    yield return new PrintSection(Label(key), [Rows(single)]);
                    break;
                case JsonArray list:
                    yield return new PrintSection(Label(key), [.. list.OfType<JsonObject>().Select(Rows)]);
                    break;
            }
        }
    }

    private static IReadOnlyList<(string Label, string Value)> Rows(JsonObject item) =>
        [.. item.Where(p => p.Value is not null).Select(p => (Label(p.Key), Text(p.Value!)))];

    private static string Text(JsonNode value) => value switch
    {
        JsonArray list => string.Join("、", list.Select(v => v?.ToString())),
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "是" : "否",
        _ => value.ToString(),
    };
}
