using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>One authorisation as 经办人管理 lists it: the person masked, the systems by name, the state in words.</summary>
public sealed record AgentRow(
    Guid Id,
    Guid Version,
    string PersonName,
    string MaskedIdNumber,
    AgentRole Role,
    IReadOnlyList<string>? ClientIds,
    string Systems,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string State,
    bool Open);
