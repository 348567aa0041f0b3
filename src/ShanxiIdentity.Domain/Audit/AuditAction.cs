namespace ShanxiIdentity.Domain.Audit;

/// <summary>Names of audited actions and their Chinese names on the audit page, one place.</summary>
public static class AuditAction
{
    public const string PersonRegistered = "person.registered";
    public const string LegalEntityRegistered = "legal-entity.registered";
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string PasswordReset = "account.password-reset";
    public const string PasswordChanged = "account.password-changed";
    public const string PhoneChanged = "account.phone-changed";
    public const string OtherSessionsSignedOut = "account.other-sessions-signed-out";
    public const string SecondFactorEnabled = "account.second-factor-enabled";
    public const string SecondFactorDisabled = "account.second-factor-disabled";
    public const string RecoveryCodesRenewed = "account.recovery-codes-renewed";
    public const string PasskeyAdded = "account.passkey-added";
    public const string PasskeyRenamed = "account.passkey-renamed";
    public const string PasskeyRemoved = "account.passkey-removed";

    /// <summary>扫码登录: the account's phone confirmed a desktop's sign-in (the detail names the desktop).</summary>
    public const string QrSignInConfirmed = "account.qr-sign-in-confirmed";

    /// <summary>扫码登录: the account's phone cancelled a desktop's code (the detail names the desktop).</summary>
    public const string QrSignInCancelled = "account.qr-sign-in-cancelled";

    /// <summary>登录记录's 退出该设备: one other session of the account ended (its id in the detail).</summary>
    public const string SessionEnded = "account.session-ended";

    /// <summary>注销账号: asked for (online or at the counter), cancelled in the cooling-off, done by the closing task.</summary>
    public const string ClosingRequested = "account.closing-requested";
    public const string ClosingCancelled = "account.closing-cancelled";
    public const string Closed = "account.closed";
    /// <summary>The account's holder accepted a 隐私政策 version (at registration or after a new one; the detail names it).</summary>
    public const string PrivacyPolicyAccepted = "privacy.policy-accepted";

    /// <summary>下载我的信息: a copy was prepared.</summary>
    public const string PersonalDataRequested = "privacy.export-requested";

    /// <summary>下载我的信息: a copy was taken (JSON file or page to print).</summary>
    public const string PersonalDataDownloaded = "privacy.export-downloaded";

    /// <summary>A client system redeemed a sign-in's code with the ID number or the full phone released (the detail names the client and what).</summary>
    public const string SsoClaimsReleased = "sso.claims-released";

    public const string StaffCreated = "staff.created";
    public const string StaffRolesChanged = "staff.roles-changed";
    public const string StaffReset = "staff.reset";
    public const string StaffEnrolled = "staff.authenticator-enrolled";
    public const string StaffSignedIn = "staff.signed-in";
    public const string StaffSignedOut = "staff.signed-out";

    public const string CounterSearched = "counter.searched";
    public const string CounterAccountViewed = "counter.account-viewed";
    public const string CounterRevealed = "counter.revealed";
    public const string RequestOpened = "counter.request-opened";
    public const string MaterialChecked = "counter.material-checked";
    public const string ScanUploaded = "counter.scan-uploaded";
    public const string ScanDownloaded = "counter.scan-downloaded";
    public const string RequestSubmitted = "counter.request-submitted";
    public const string RequestApproved = "counter.request-approved";
    public const string RequestRejected = "counter.request-rejected";
    public const string ChangeApplied = "counter.change-applied";
    public const string AuditExported = "audit.exported";

    /// <summary>A round of the retention job deleted or anonymised rows past their period (the counts by kind).</summary>
    public const string RetentionRun = "retention.run";

    public const string ClientRegistered = "sso.client-registered";
    public const string ClientChanged = "sso.client-changed";
    public const string ClientSecretRenewed = "sso.client-secret-renewed";
    public const string ClientRemoved = "sso.client-removed";
    public const string ConsentGranted = "sso.consent-granted";
    public const string ConsentWithdrawn = "sso.consent-withdrawn";

    public const string AgentGranted = "agent.granted";
    public const string AgentChanged = "agent.changed";
    public const string AgentAccepted = "agent.accepted";
    public const string AgentDeclined = "agent.declined";
    public const string AgentWithdrawn = "agent.withdrawn";
    public const string AgentExpired = "agent.expired";

    /// <summary>An authorisation ended because the person's (or the organisation's) account closed.</summary>
    public const string AgentEndedByClosing = "agent.ended-by-closing";

    /// <summary>A person began acting for an organisation in the portal (at sign-in by default, or by 身份切换).</summary>
    public const string ActingAsOrganisation = "agent.acting";

    /// <summary>A client system signed a person in as acting for an organisation (scope organization_agent).</summary>
    public const string ClientSignInAsOrganisation = "agent.client-sign-in";

    /// <summary>Every action 经办人管理 shows an organisation's administrators about their organisation.</summary>
    public static IReadOnlyList<string> Agent { get; } =
        [AgentGranted, AgentChanged, AgentAccepted, AgentDeclined, AgentWithdrawn, AgentExpired, AgentEndedByClosing, ActingAsOrganisation, ClientSignInAsOrganisation];

    /// <summary>The actions an administrator can filter the audit page by, in the order offered.</summary>
    public static IReadOnlyList<string> Searchable { get; } =
    [
        StaffSignedIn, CounterSearched, CounterAccountViewed, CounterRevealed, RequestOpened, MaterialChecked, ScanUploaded,
        ScanDownloaded, RequestSubmitted, RequestApproved, RequestRejected, ChangeApplied, StaffCreated, StaffRolesChanged,
        StaffReset, AuditExported, RetentionRun, ClientRegistered, ClientChanged, ClientSecretRenewed, ClientRemoved, ConsentGranted, ConsentWithdrawn, .. Agent, SignedIn, SignInFailed, LockedOut, PasswordReset, PasswordChanged, PhoneChanged,
        SecondFactorEnabled, SecondFactorDisabled, RecoveryCodesRenewed, QrSignInConfirmed, QrSignInCancelled, SessionEnded,
        PasskeyAdded, PasskeyRenamed, PasskeyRemoved, ClosingRequested, ClosingCancelled, Closed,
        PasskeyAdded, PasskeyRenamed, PasskeyRemoved, PrivacyPolicyAccepted, PersonalDataRequested, PersonalDataDownloaded, SsoClaimsReleased,
    ];

    /// <summary>Chinese names for the audit page; an action without one shows its code.</summary>
    public static string DisplayName(string action) => action switch
    {
        PersonRegistered => "个人注册",
        LegalEntityRegistered => "法人注册",
        SignedIn => "登录",
        SignInFailed => "登录失败",
        LockedOut => "账号锁定",
        PasswordReset => "找回密码",
        PasswordChanged => "修改密码",
        PhoneChanged => "在线修改手机号",
        OtherSessionsSignedOut => "退出其他设备",
        SessionEnded => "退出该设备",
        StaffCreated => "创建员工账号",
        StaffRolesChanged => "修改员工角色",
        StaffReset => "重置员工登录",
        StaffEnrolled => "绑定身份验证器",
        StaffSignedIn => "员工登录",
        StaffSignedOut => "员工退出",
        SecondFactorEnabled => "开启两步验证",
        SecondFactorDisabled => "关闭两步验证",
        RecoveryCodesRenewed => "重新生成恢复码",
        QrSignInConfirmed => "扫码确认登录",
        QrSignInCancelled => "扫码取消登录",
        PasskeyAdded => "添加通行密钥",
        PasskeyRenamed => "重命名通行密钥",
        PasskeyRemoved => "删除通行密钥",
        ClosingRequested => "申请注销账号",
        ClosingCancelled => "撤销注销账号",
        Closed => "账号注销",
        AgentEndedByClosing => "注销账号结束授权",
        CounterSearched => "查找账号",
        CounterAccountViewed => "查看账号",
        CounterRevealed => "查看完整信息",
        RequestOpened => "创建变更申请",
        MaterialChecked => "核对材料",
        ScanUploaded => "上传扫描件",
        ScanDownloaded => "下载扫描件",
        RequestSubmitted => "提交申请",
        RequestApproved => "批准申请",
        RequestRejected => "驳回申请",
        ChangeApplied => "变更生效",
        AuditExported => "导出审计日志",
        RetentionRun => "到期数据清理",
        ClientRegistered => "接入业务系统",
        ClientChanged => "修改接入系统",
        ClientSecretRenewed => "重置系统密钥",
        ClientRemoved => "停止系统接入",
        ConsentGranted => "授权业务系统",
        ConsentWithdrawn => "撤销授权",
        AgentGranted => "授权经办人",
        AgentChanged => "修改经办人授权",
        AgentAccepted => "接受单位授权",
        AgentDeclined => "拒绝单位授权",
        AgentWithdrawn => "撤回经办人授权",
        AgentExpired => "经办人授权到期",
        ActingAsOrganisation => "以单位名义办事",
        ClientSignInAsOrganisation => "以单位名义登录业务系统",
        PrivacyPolicyAccepted => "同意隐私政策",
        PersonalDataRequested => "申请下载个人信息",
        PersonalDataDownloaded => "下载个人信息",
        SsoClaimsReleased => "业务系统获取身份证号或完整手机号",
        _ => action,
    };
}
