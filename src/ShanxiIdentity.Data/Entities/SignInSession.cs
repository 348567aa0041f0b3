namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// One signed-in browser: the sign-in cookie carries this row's random id (claim <c>sid</c>), and
/// every request checks that the row is still open. Ending the row ends that session alone, on
/// every instance; a new security stamp still ends all of an account's sessions at once.
/// </summary>
public class SignInSession
{
    /// <summary>Random (a version 4 GUID: 122 bits from the system's secure generator), never derived from the account.</summary>
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Account? Account { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// 身份切换: the 经办人授权 this browser acts under, null for 个人办事. Checked with the session
    /// on every request, so a withdrawn or expired authorisation stops the acting at once.
    /// </summary>
    public Guid? ActingAuthorizationId { get; set; }

    public AgentAuthorization? ActingAuthorization { get; set; }

    /// <summary>
    /// The browser's last request as last written: refreshed by the per-request check at most every
    /// few minutes (SignInSessions.SeenInterval), so 登录记录 can tell which sessions are still open
    /// under the sliding cookie. Null for a row from before it was kept: its <see cref="CreatedAt"/> then.
    /// </summary>
    public DateTime? LastSeenAt { get; set; }

    /// <summary>How it was signed in: the amr values, space-separated ("pwd mfa"). Null for a row from before it was kept.</summary>
    public string? Methods { get; set; }

    /// <summary>The client's address, masked (223.104.3.*, or an IPv6 address's first 48 bits): the full address is never stored.</summary>
    public string? MaskedAddress { get; set; }

    /// <summary>A short name of the browser from its User-Agent ("Chrome（Windows）"), one of the portal's own texts.</summary>
    public string? Browser { get; set; }

    /// <summary>SHA-256 (hex) of the browser's long-lived random key cookie: a sign-in from a key the account never used is a new browser.</summary>
    public string? BrowserKeyHash { get; set; }

    /// <summary>Set by 退出, by a client's logout, or when every session of the account is ended; never cleared.</summary>
    public DateTime? EndedAt { get; set; }
}
