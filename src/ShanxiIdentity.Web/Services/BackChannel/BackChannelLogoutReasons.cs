namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>Why a logout token was queued (stored with the row, shown to administrators).</summary>
public static class BackChannelLogoutReasons
{
    /// <summary>退出 (or a client's RP-initiated logout): the portal session ended.</summary>
    public const string SignedOut = "signed-out";

    /// <summary>退出其他设备, 退出该设备: one or more other sessions ended.</summary>
    public const string SessionsEnded = "sessions-ended";

    /// <summary>A password reset, or anything else that ends every session of the account.</summary>
    public const string AllSessionsEnded = "all-sessions-ended";

    public const string ConsentWithdrawn = "consent-withdrawn";

    public const string AccountClosed = "account-closed";
}
