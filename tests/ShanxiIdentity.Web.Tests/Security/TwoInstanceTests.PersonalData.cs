using System.Net;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>下载我的信息 across the two instances: the copy prepared by one is handed out by the other, once.</summary>
public sealed partial class TwoInstanceTests
{
    [Fact]
    public async Task A_copy_of_my_data_is_handed_out_once_whichever_instance_is_asked()
    {
        var (citizen, session) = await RegisterAsync();
        await session.SubmitAsync(await session.GetPageAsync("/my/data"), "/my/data", new Dictionary<string, string?>());
        var page = await session.GetPageAsync("/my/data");
        var action = page.QuerySelector("form[action$='/download']")!.GetAttribute("action")!;
        var token = page.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Two downloads at once, each reaching another instance: exactly one gets the file.
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => session.PostAsync(action, new Dictionary<string, string?> { ["__RequestVerificationToken"] = token, ["Form.CurrentPassword"] = citizen.Password })));
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK && a.Body.Contains(citizen.IdNumber, StringComparison.Ordinal));
        Assert.Single(answers, a => a.Location == "/my/data");
        var late = await session.PostAsync(action, new Dictionary<string, string?> { ["__RequestVerificationToken"] = token, ["Form.CurrentPassword"] = citizen.Password });
        Assert.Equal("/my/data", late.Location);
    }
}
