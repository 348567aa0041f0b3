namespace ShanxiIdentity.Domain.Counter;

/// <summary>What the counter changes once the materials are checked.</summary>
public enum CounterChangeKind
{
    /// <summary>新的预留手机号 (the seed's question 8).</summary>
    ReservedPhone = 1,

    /// <summary>更正姓名、单位名称或法定代表人 (question 9).</summary>
    AccountInformation = 2,

    /// <summary>人工实名核验 (question 10, and legal types the registry does not manage).</summary>
    ManualRealNameVerification = 3,

    /// <summary>代为注册 a new account (question 11, or a citizen who cannot register online).</summary>
    Registration = 4,

    /// <summary>设定单位管理员: the 被授权人 of the organisation's letter becomes its administrator (经办人管理, issue #21).</summary>
    OrganisationAdministrator = 5,

    /// <summary>注销账号 on the holder's written request (issue #23): the same cooling-off as online.</summary>
    CloseAccount = 6,
}
