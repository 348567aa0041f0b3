using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// Every account of the portal, whatever its kind. Identity's UserName is the 登录账号 / 用户名;
/// PhoneNumber is the 预留手机号, whose changes are kept in <see cref="ReservedPhoneChange"/>.
/// </summary>
public class Account : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the current run of wrong passwords began: failures older than the window no longer count.</summary>
    public DateTime? FailedAccessWindowStart { get; set; }

    /// <summary>
    /// The last authenticator time step (RFC 6238, 30 s) a staff member signed in with: a code is
    /// accepted once, and never one older than this (RFC 6238 §5.2).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }

    public PersonProfile? Person { get; set; }

    public LegalEntityProfile? LegalEntity { get; set; }

    public StaffProfile? Staff { get; set; }

    public List<ReservedPhoneChange> PhoneChanges { get; } = [];
}
