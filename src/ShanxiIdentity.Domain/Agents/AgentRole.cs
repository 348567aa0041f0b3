namespace ShanxiIdentity.Domain.Agents;

/// <summary>What an authorised person may do for the organisation.</summary>
public enum AgentRole
{
    /// <summary>管理员: acts for the organisation and manages its 经办人 (at most a configured number).</summary>
    Administrator = 1,

    /// <summary>经办人: acts for the organisation in the business systems the authorisation names.</summary>
    Agent = 2,
}
