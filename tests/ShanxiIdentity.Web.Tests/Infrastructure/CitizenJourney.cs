namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>The steps of the citizen's journey through the real forms, for tests to compose.</summary>
public static class CitizenJourney
{
    public const string RegisterUrl = "/account/register";
    public const string LoginUrl = "/account/login";

    public static Dictionary<string, string?> RegistrationFields(Citizen citizen, string smsCode, string? userName = null) => new()
    {
        ["Name"] = citizen.Name,
        ["IdNumber"] = citizen.IdNumber,
        ["UserName"] = userName,
        ["Phone"] = citizen.Phone,
        ["SmsCode"] = smsCode,
        ["Password"] = citizen.Password,
        ["ConfirmPassword"] = citizen.Password,
        ["AcceptAgreement"] = "true",
    };

    /// <summary>Presses 获取短信验证码 on 个人注册 and reads the code the phone received once the outbox is delivered.</summary>
    public static async Task<string> RequestRegistrationCodeAsync(this PortalFactory factory, PortalSession session, AngleSharp.Dom.IDocument registerPage, string phone)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(session);
        var (sent, message) = await session.SendSmsAsync(registerPage, RegisterUrl, RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = phone });
        Assert.True(sent, message);
        return await factory.LatestSmsCodeAsync(phone);
    }

    /// <summary>Opens 个人注册, asks for the SMS code, reads it from the phone and submits the form.</summary>
    public static async Task<PortalSession.Submitted> RegisterAsync(this PortalFactory factory, PortalSession session, Citizen citizen, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(citizen);
        var page = await session.GetPageAsync(RegisterUrl);
        var code = await factory.RequestRegistrationCodeAsync(session, page, citizen.Phone);
        return await session.SubmitAsync(page, RegisterUrl, RegistrationFields(citizen, code, userName));
    }

    /// <summary>A registered citizen, signed in on the returned session.</summary>
    public static async Task<(Citizen Citizen, PortalSession Session)> RegisteredCitizenAsync(this PortalFactory factory, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var registered = await factory.RegisterAsync(session, citizen, userName);
        Assert.True(registered.Location == "/my", $"Registration did not finish: {(int)registered.Status} {registered.Location} {string.Join(" | ", registered.Errors)}");
        return (citizen, session);
    }

    public static async Task<PortalSession.Submitted> LogInAsync(this PortalSession session, string account, string password)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync(LoginUrl);
        return await session.SubmitAsync(page, LoginUrl, new Dictionary<string, string?> { ["Account"] = account, ["Password"] = password });
    }

    /// <summary>
    /// 忘记密码 from start to end: the account, the SMS code to the reserved phone (read by
    /// <paramref name="latestCode"/>), the new password. Returns the second step's page (for the
    /// masked phone) and the answer to the reset.
    /// </summary>
    public static async Task<(AngleSharp.Dom.IDocument Step2, PortalSession.Submitted Reset)> ResetPasswordAsync(
        this PortalSession session, string account, Func<Task<string>> latestCode, string newPassword, bool legal = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(latestCode);
        var forgot = await session.GetPageAsync(legal ? "/account/forgot?kind=legal" : "/account/forgot");
        var step2 = await session.SubmitAsync(forgot, "/account/forgot", new Dictionary<string, string?> { ["Account"] = account });
        var (sent, message) = await session.SendSmsAsync(step2.Page, "/account/forgot/reset", "/account/forgot/sms", new Dictionary<string, string?>());
        Assert.True(sent, message);
        var reset = await session.SubmitAsync(step2.Page, "/account/forgot/reset", new Dictionary<string, string?>
        {
            ["SmsCode"] = await latestCode(),
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
        return (step2.Page, reset);
    }
}
