namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>What the desktop's polling is told (JSON <c>state</c>, lower case).</summary>
public enum QrPollState
{
    Waiting,
    Scanned,
    Confirmed,
    Cancelled,

    /// <summary>Past its two minutes, used, or unknown: the desktop offers 刷新二维码.</summary>
    Expired,
}
