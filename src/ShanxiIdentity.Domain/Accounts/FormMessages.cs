namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// What a form says about one field. An empty starred field names itself (请输入身份证号) next to the
/// field and in the error summary, which also opens with the seed's 带星号为必填项.
/// </summary>
public static class FormMessages
{
    public const string MissingPrefix = "请输入";

    public const string SummaryHeading = "请修正以下问题：";

    /// <summary>A value MVC cannot bind (a word where a number or a yes/no is expected); the value is never repeated back.</summary>
    public const string ValueInvalid = "填写的内容无效，请重新填写";

    /// <summary>A form posted more often than its rate limit allows.</summary>
    public const string TooManyRequests = "操作过于频繁，请稍后再试";

    public const string ChooseLegalEntityType = "请选择法人类型";

    /// <summary>An &lt;input type="date"&gt; that a browser without a date picker let through as text.</summary>
    public const string LetterDateFormat = "请按“年-月-日”填写委托日期";

    public static string Missing(string label) => MissingPrefix + label;

    public static bool IsMissing(string message) =>
        message is not null && message.StartsWith(MissingPrefix, StringComparison.Ordinal);
}
