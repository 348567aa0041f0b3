namespace ShanxiIdentity.Data.Entities;

/// <summary>Where a 扫码登录 stands. Expiry is not a state: it is read from <see cref="QrSignIn.ExpiresAt"/>.</summary>
public enum QrSignInStatus
{
    /// <summary>Shown on the desktop; nobody has confirmed it (a phone may have opened it: <see cref="QrSignIn.ScannedAt"/>).</summary>
    Waiting = 0,

    /// <summary>确认登录 on a signed-in phone: the desktop that holds the secret may now complete it.</summary>
    Confirmed = 1,

    /// <summary>取消 on the phone.</summary>
    Cancelled = 2,

    /// <summary>The desktop signed in with it: it opens nothing again.</summary>
    Used = 3,
}
