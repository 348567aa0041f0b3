namespace ShanxiIdentity.Domain.Accounts;

/// <summary>扫码登录's texts: the desktop's progress, the phone's page, and the refusals.</summary>
public static class QrSignInMessages
{
    public const string Waiting = "等待扫码";
    public const string Scanned = "已扫码，请在手机上确认";
    public const string Confirmed = "已确认，正在登录…";
    public const string Expired = "二维码已过期，请点击“刷新二维码”";
    public const string Cancelled = "已在手机上取消登录，如需登录请点击“刷新二维码”";

    /// <summary>The phone's page for a code that is unknown, expired, cancelled or already used.</summary>
    public const string NotValid = "二维码已失效，请在电脑上刷新二维码后重新扫描";

    public const string ConfirmedOnPhone = "已确认登录，请在电脑上继续操作";
    public const string CancelledOnPhone = "已取消本次登录";

    /// <summary>A desktop completing a code it did not create (or whose secret it no longer holds), or one not confirmed.</summary>
    public const string CompletionRefused = "扫码登录未完成，请刷新二维码后重新扫描";

    public const string UnknownPlace = "未知地区";
    public const string UnknownAddress = "未知";
}
