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

    /// <summary>Set by 退出, by a client's logout, or when every session of the account is ended; never cleared.</summary>
    public DateTime? EndedAt { get; set; }
}
