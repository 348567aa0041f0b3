namespace ShanxiIdentity.Benchmark;

internal static class PortalLogin
{
    /// <summary>A complete 个人登录 by a visitor not signed in: the form with its token and captcha, then the post; only a redirect to 我的账号 counts.</summary>
    public static async Task<bool> LogInAsync(HttpClient client, int accounts)
    {
        LoadClient.ForgetCookies(client);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        fields["Account"] = AccountSeeder.IdNumber(Random.Shared.Next(accounts));
        fields["Password"] = AccountSeeder.Password;
        fields["Captcha"] = "PASS";
        var location = await Forms.PostAsync(client, "/account/login", fields).ConfigureAwait(false);
        return location == "/my";
    }
}
