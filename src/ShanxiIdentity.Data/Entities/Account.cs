using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;

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

    /// <summary>注销账号: when the holder (or the counter) asked to close the account; null when not asked, or cancelled.</summary>
    public DateTime? ClosingRequestedAt { get; set; }

    /// <summary>When the cooling-off ends and the closing task erases the account; until then the holder may cancel.</summary>
    public DateTime? ClosingDueAt { get; set; }

    /// <summary>
    /// Closed: the row is a pseudonymous tombstone (no name, identifier, phone or credential), kept so
    /// that audit rows still point at an account without identifying anyone.
    /// </summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>In the cooling-off: signed in, the account may only cancel the closing or sign out.</summary>
    public bool IsClosing => ClosingDueAt is not null && ClosedAt is null;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>
    /// The 隐私政策 version the holder last accepted (history in <see cref="PrivacyAcceptance"/>); null
    /// for an account from before versions were kept, which accepted the 用户协议's privacy clause.
    /// </summary>
    public string? PrivacyVersion { get; set; }

    public PersonProfile? Person { get; set; }

    public LegalEntityProfile? LegalEntity { get; set; }

    public StaffProfile? Staff { get; set; }

    public List<ReservedPhoneChange> PhoneChanges { get; } = [];

    /// <summary>
    /// The one way the 预留手机号 changes (at registration, online, at the counter): the new number,
    /// confirmed, and a row of its history. A change the holder did not make signed in ends every
    /// session (<see cref="EndsSessions"/>): the new security stamp refuses them all.
    /// </summary>
    public ReservedPhoneChange ChangeReservedPhone(string newPhone, PhoneChangeChannel channel, DateTime at, Guid? counterRequestId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPhone);
        var change = new ReservedPhoneChange
        {
            OldPhone = PhoneNumber,
            NewPhone = newPhone,
            Channel = channel,
            CounterRequestId = counterRequestId,
            ChangedAt = at,
        };
        PhoneChanges.Add(change);
        PhoneNumber = newPhone;
        PhoneNumberConfirmed = true;
        if (EndsSessions(change))
        {
            SecurityStamp = Guid.NewGuid().ToString("N");
        }

        return change;
    }

    /// <summary>
    /// At the counter, whoever held the old phone may hold a session too: they all end. Online the
    /// holder proved both phones while signed in and chooses (退出其他设备).
    /// </summary>
    public static bool EndsSessions(ReservedPhoneChange change) =>
        change?.Channel == PhoneChangeChannel.Counter;
}
