namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>What a code may be used for; a code sent for one purpose never opens another.</summary>
public static class SmsPurpose
{
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string PhoneChangeOld = "phone-change-old";
    public const string PhoneChangeNew = "phone-change-new";

    /// <summary>短信验证码登录: a code to the reserved phone that signs its holder in.</summary>
    public const string SignIn = "sign-in";

    /// <summary>A notice (a counter change applied), not a code: it does not count towards the send limits.</summary>
    public const string CounterNotice = "counter-notice";

    /// <summary>A notice about a 经办人 authorisation (granted, withdrawn): not a code, like <see cref="CounterNotice"/>.</summary>
    public const string AgentNotice = "agent-notice";

    /// <summary>A second-factor code at sign-in, and the codes that turn 两步验证 on or off.</summary>
    public const string SecondFactor = "second-factor";

    /// <summary>A notice that 两步验证 changed: not a code, like <see cref="CounterNotice"/>.</summary>
    public const string SecondFactorNotice = "second-factor-notice";

    /// <summary>A notice of a sign-in from a new browser: not a code, like <see cref="CounterNotice"/>.</summary>
    public const string NewBrowserNotice = "new-browser-notice";

    /// <summary>A notice that a passkey (通行密钥) was added: not a code, like <see cref="CounterNotice"/>.</summary>
    public const string PasskeyNotice = "passkey-notice";

    /// <summary>注销账号: the code to the reserved phone that, with the password, asks to close the account.</summary>
    public const string AccountClosing = "account-closing";

    /// <summary>A notice that a closing was asked for or cancelled, or is done: not a code, like <see cref="CounterNotice"/>.</summary>
    public const string ClosingNotice = "closing-notice";
}
