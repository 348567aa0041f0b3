namespace ShanxiIdentity.Domain.Accounts;

/// <summary>The one-line outcome shown at the top of the next page after signing out or registering.</summary>
public static class StatusMessages
{
    public const string SignedOut = "您已安全退出";
    public const string RegisteredAndSignedIn = "注册成功，已为您登录";
}
