using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Guidance;

/// <summary>
/// The seed's thirteen questions and answers, word for word. Every message a question quotes is
/// the same constant the portal shows (<see cref="SeedMessages"/>), so the FAQ and the pages
/// cannot drift apart; a test compares this catalogue with the seed document.
/// </summary>
public static class FaqCatalogue
{
    private const string Materials = "您需要根据自己的实际情况，参照后附“用户注册和信息修改材料要求”准备好“身份证、营业执照、委托书、用户协议（后附模版）”等有效证明材料（原件和复印件）到当地政务大厅进行修改。";
    private const string ForgotPersonal = "若您已忘记密码，可点击“忘记密码”，通过该账号注册时预留手机号收取验证码重新设置密码，即可登录账号。";
    private const string WrongPassword = "说明您的用户名或密码有误，可点击“忘记密码”，通过该账号注册时的预留手机号收取验证码重新设置密码，即可登录账号。";

    private static readonly FaqLink Login = new("登录", "/account/login");
    private static readonly FaqLink Forgot = new("忘记密码", "/account/forgot");
    private static readonly FaqLink RegisterPerson = new("个人注册", "/account/register");
    private static readonly FaqLink LegalLogin = new("法人登录", "/account/login?kind=legal");
    private static readonly FaqLink LegalForgot = new("忘记密码", "/account/forgot?kind=legal");
    private static readonly FaqLink RegisterLegal = new("法人注册", "/account/register/legal");
    private static readonly FaqLink MaterialsPage = new("办理材料", "/guide/materials");
    private static readonly FaqLink TemplatesPage = new("模板下载", "/guide/templates");

    public static IReadOnlyList<FaqEntry> Entries { get; } =
    [
        new(1, $"注册个人账号显示“{SeedMessages.IdNumberAlreadyCertified}”如何处理？",
            ["说明该平台已存在您的个人账号，您只需在账号处输入身份证号、账户密码及验证码，点击登录即可；", ForgotPersonal],
            [Login, Forgot]),
        new(2, $"注册法人账号显示“{SeedMessages.CreditCodeAlreadyCertified}”如何处理？",
            ["说明该平台已存在您的法人账号，您只需在账号处输入统一社会信用代码、密码及验证码即可登录；", ForgotPersonal],
            [LegalLogin, LegalForgot]),
        new(3, $"注册法人账号显示“{SeedMessages.LoginNameTaken}”如何处理？",
            ["说明您设置的法人账号已存在，该账户名已有用户进行使用，可按照注册规则，重新设置一个法人账号。"],
            [RegisterLegal]),
        new(4, $"登录个人账号显示“{SeedMessages.WrongUserNameOrPassword}”如何处理？", [WrongPassword], [Forgot]),
        new(5, $"登录个人账号显示“{SeedMessages.AccountDoesNotExist}”如何处理？",
            ["可能您的用户名有误，您可以在账号处输入身份证号登录，若依旧显示该账号不存在，说明您还未注册个人账号，您需要点击注册进行账号注册。"],
            [Login, RegisterPerson]),
        new(6, $"登录法人账号显示“{SeedMessages.WrongUserNameOrPassword}”如何处理？", [WrongPassword], [LegalForgot]),
        new(7, $"登录法人账号显示“{SeedMessages.AccountDoesNotExist}”如何处理？",
            ["可能您的用户名有误，您可以在账号处输入统一社会信用代码登录，若依旧显示该账号不存在，说明您公司还未注册法人账号，您需要点击注册进行账号注册。"],
            [LegalLogin, RegisterLegal]),
        new(8, "因预留手机号“无法获取短信验证码或无法使用”等原因需修改手机号，如何处理？", [Materials],
            [new("个人办理材料", "/guide/materials?operation=modify&userType=person"), MaterialsPage, TemplatesPage]),
        new(9, "当您在需要在山西政务服务网统一身份认证系统中对账号信息进行修改时，如何处理？", [Materials],
            [new("信息修改办理材料", "/guide/materials?operation=modify"), TemplatesPage]),
        new(10, $"登录法人账号显示“{SeedMessages.RegistryHasNoRecord}”，如何处理？", [Materials],
            [new("企业法人办理材料", "/guide/materials?operation=modify&userType=enterprise"), TemplatesPage]),
        new(11, $"注册法人账号显示“{SeedMessages.NotMarketSupervised}”如何处理？",
            [
                "可能法人类型选择有误,您可以点击“法人类型”,根据自己的实际情况选择“企业法人、社团法人、机关事业单位法人、个体工商户”,即可完成注册。",
                $"若依旧显示“{SeedMessages.NotMarketSupervised}”,您需要根据自己的实际情况,参照后附“用户注册和信息修改材料要求”准备好“身份证、营业执照、委托书、用户协议(后附模版)”等有效证明材料(原件和复印件)到当地政务大厅进行注册。",
            ],
            [RegisterLegal, new("注册办理材料", "/guide/materials?operation=register"), TemplatesPage]),
        new(12, $"在办理业务时,带星号项已填写,提示“{SeedMessages.StarredFieldsRequired}”,无法进行下一步,如何处理?",
            ["您在我的办件中删除暂存办件,重新进行业务填报办理即可解决。"],
            []),
        new(13, "登录山西省政务服务平台后出现网页安全问题的提示,如何处理?",
            ["您可以更改浏览器安全设置即可解决。"],
            []),
    ];
}
