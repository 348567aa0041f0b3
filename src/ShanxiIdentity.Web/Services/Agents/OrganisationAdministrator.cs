namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// Who manages an organisation's 经办人 in this request: the 法人账号 itself, or a person acting
/// for it under an authorisation in the 管理员 role (<paramref name="ActorAuthorizationId"/>).
/// </summary>
public sealed record OrganisationAdministrator(Guid OrganisationAccountId, Guid ActorAccountId, Guid? ActorAuthorizationId);
