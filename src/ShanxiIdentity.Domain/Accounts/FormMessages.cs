namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// What a form says about one field. An empty starred field names itself (请输入身份证号) next to the
/// field and in the error summary, which also opens with the seed's 带星号为必填项.
/// </summary>
public static class FormMessages
{
    public const string MissingPrefix = "请输入";

    public const string SummaryHeading = "请修正以下问题：";

    public const string ChooseLegalEntityType = "请选择法人类型";

    /// <summary>An &lt;input type="date"&gt; that a browser without a date picker let through as text.</summary>
    public const string LetterDateFormat = "请按“年-月-日”填写委托日期";

    public static string Missing(string label) => MissingPrefix + label;

    public static bool IsMissing(string message) =>
        message is not null && message.StartsWith(MissingPrefix, StringComparison.Ordinal);
}
