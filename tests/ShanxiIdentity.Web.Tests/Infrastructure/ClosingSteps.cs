using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Web.Services.Closing;
using ShanxiIdentity.Web.Services.Retention;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>注销账号 as a holder does it on /my/closing, and the retention job's closing task run at a moment of the test's choosing.</summary>
public static class ClosingSteps
{
    public const string PageUrl = "/my/closing";

    /// <summary>获取短信验证码 on the page (a minute after any earlier code to the phone), then the code the phone received.</summary>
    public static async Task<string> ClosingCodeAsync(this PortalFactory factory, PortalSession session, string phone)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(session);
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var sent = await session.SendSmsAsync(await session.GetPageAsync(PageUrl), PageUrl, PageUrl + "/sms", new Dictionary<string, string?>());
        Assert.True(sent.Sent, sent.Message);
        return await factory.LatestSmsCodeAsync(phone);
    }

    public static async Task<PortalSession.Submitted> RequestClosingAsync(this PortalFactory factory, PortalSession session, string phone, string password)
    {
        ArgumentNullException.ThrowIfNull(session);
        var code = await factory.ClosingCodeAsync(session, phone);
        return await session.SubmitAsync(await session.GetPageAsync(PageUrl), PageUrl, new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = password,
            ["Form.SmsCode"] = code,
        });
    }

    /// <summary>The retention job's step for closed accounts, as the job runs it (its own scope), at <paramref name="now"/>.</summary>
    public static async Task<int> RunClosingTaskAsync(this PortalFactory factory, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.CreateScope();
        var task = scope.ServiceProvider.GetServices<IRetentionTask>().OfType<ClosedAccountsTask>().Single();
        return await task.RunAsync(now, CancellationToken.None);
    }

    /// <summary>A moment after the default cooling-off, from the test clock's now.</summary>
    public static DateTime AfterCoolingOff(this PortalFactory factory) =>
        factory.Clock.GetUtcNow().UtcDateTime.AddDays(Domain.Closing.ClosingRules.DefaultCoolingOffDays).AddMinutes(1);
}
