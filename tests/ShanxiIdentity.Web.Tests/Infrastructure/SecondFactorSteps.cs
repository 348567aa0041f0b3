using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>两步验证 with an authenticator app, turned on through 我的账号's own form, and its codes by the portal's clock.</summary>
public static class SecondFactorSteps
{
    public const string SetupUrl = "/my/second-factor";

    public const string CodeUrl = "/account/second-factor";

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAuthenticatorAsync(this PortalFactory factory, Citizen citizen, PortalSession session)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync(SetupUrl);
        var key = StaffJourney.AuthenticatorKey(page);
        var enabled = await session.SubmitAsync(page, SetupUrl + "/enable", new Dictionary<string, string?>
        {
            ["Form.Method"] = AuthenticationMethods.OneTimePassword,
            ["Form.CurrentPassword"] = citizen.Password,
            ["Form.Code"] = factory.NextAuthenticatorCode(key),
        });
        var codes = enabled.Page.QuerySelectorAll("[data-recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        if (codes.Count == 0)
        {
            throw new InvalidOperationException("两步验证 not turned on: " + string.Join(" | ", enabled.Errors));
        }

        return (key, codes);
    }

    /// <summary>The code of the next step by the portal's clock (each step is accepted once: the clock moves on a step first).</summary>
    public static string NextAuthenticatorCode(this PortalFactory factory, string key)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.Clock.Advance(Step);
        return StaffMember.Code(key, factory.Clock);
    }
}
