namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// The messages the source document quotes, word for word. The pages that show them and the
/// FAQ that explains them both read them from here, so the two cannot drift apart.
/// </summary>
public static class SeedMessages
{
    public const string IdNumberAlreadyCertified = "该身份证号已被认证";
    public const string CreditCodeAlreadyCertified = "该统一社会信用代码已被认证";
    public const string LoginNameTaken = "登录账号已注册";
    public const string WrongUserNameOrPassword = "用户名或密码错误";
    public const string AccountDoesNotExist = "该账号不存在";
    public const string RegistryHasNoRecord = "实名核验失败，失败原因：验证失败，根据统一社会信用代码未查询到信息";
    public const string NotMarketSupervised = "非市场监督管理局管理企业";
    public const string StarredFieldsRequired = "带星号为必填项";
}
