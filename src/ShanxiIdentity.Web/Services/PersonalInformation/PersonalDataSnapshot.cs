using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sessions;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>
/// 下载我的信息: everything the portal holds about one account, as one JSON document (shape in
/// docs/privacy.md, <see cref="SchemaVersion"/>). Only rows keyed to the account are read; other
/// people appear by no name or number (an organisation's 经办人 by a masked name, staff by role).
/// Never secrets: no password hash, passkey key material, authenticator key or recovery codes.
/// </summary>
public sealed class PersonalDataSnapshot(PortalDbContext db, UserManager<Account> users, ConsentRegistry consents)
{
    public const string Schema = "shanxi-identity/personal-data";

    public const int SchemaVersion = 1;

    public async Task<JsonObject> BuildAsync(Guid accountId, DateTime now, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().Include(a => a.Person).Include(a => a.LegalEntity).Include(a => a.PhoneChanges)
            .SingleAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false);
        var document = new JsonObject
        {
            ["schema"] = Schema,
            ["schemaVersion"] = SchemaVersion,
            ["generatedAt"] = Time(now),
            ["account"] = new JsonObject
            {
                ["id"] = account.Id.ToString(),
                ["kind"] = account.Kind == AccountKind.LegalEntity ? "法人账号" : "个人账号",
                ["loginName"] = account.UserName is { } name && !name.StartsWith(Accounts.AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) ? name : null,
                ["reservedPhone"] = account.PhoneNumber,
                ["email"] = account.Email,
                ["createdAt"] = Time(account.CreatedAt),
                ["privacyPolicyVersion"] = account.PrivacyVersion ?? Domain.Privacy.PrivacyPolicies.Baseline,
            },
        };
        if (account.Person is { } person)
        {
            document["person"] = new JsonObject
            {
                ["name"] = person.Name,
                ["residentIdNumber"] = person.ResidentIdNumber,
                ["realNameVerifiedAt"] = Time(person.RealNameVerifiedAt),
            };
        }

        if (account.LegalEntity is { } organisation)
        {
            document["legalEntity"] = new JsonObject
            {
                ["type"] = organisation.Type.DisplayName(),
                ["organisationName"] = organisation.OrganisationName,
                ["creditCode"] = organisation.CreditCode,
                ["representativeName"] = organisation.RepresentativeName,
                ["representativeIdNumber"] = organisation.RepresentativeIdNumber,
                ["headOfficeCreditCode"] = organisation.HeadOfficeCreditCode,
                ["realNameVerifiedAt"] = Time(organisation.RealNameVerifiedAt),
                ["verifiedAtCounter"] = organisation.VerifiedAtCounter,
            };
        }

        document["reservedPhoneChanges"] = Array(account.PhoneChanges.OrderBy(c => c.ChangedAt).Select(c => new JsonObject
        {
            ["changedAt"] = Time(c.ChangedAt),
            ["oldPhone"] = c.OldPhone,
            ["newPhone"] = c.NewPhone,
            ["channel"] = c.Channel == PhoneChangeChannel.Counter ? "政务大厅" : "线上",
        }));
        document["consents"] = Array((await consents.ListAsync(accountId, cancellationToken).ConfigureAwait(false)).Select(c => new JsonObject
        {
            ["client"] = c.ClientName,
            ["grantedAt"] = c.GrantedAt is { } at ? Time(at.UtcDateTime) : null,
            ["scopes"] = Array(c.Scopes.Select(s => (JsonNode?)JsonValue.Create(s))),
            ["given"] = Array(c.Scopes.Select(s => (JsonNode?)JsonValue.Create(SsoScopes.Describe(s)))),
        }));
        document["signIns"] = Array((await db.SignInSessions.AsNoTracking().Where(s => s.AccountId == accountId).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => new JsonObject
            {
                ["at"] = Time(s.CreatedAt),
                ["methods"] = SignInHistoryMessages.Methods(s.Methods),
                ["address"] = s.MaskedAddress,
                ["browser"] = s.Browser,
                ["endedAt"] = Time(s.EndedAt),
            }));
        document["passkeys"] = Array((await users.GetPasskeysAsync(account).ConfigureAwait(false)).Select(p => new JsonObject
        {
            ["name"] = p.Name ?? PasskeyMessages.DefaultName,
            ["createdAt"] = Time(p.CreatedAt.UtcDateTime),
        }));
        document["secondFactor"] = new JsonObject
        {
            ["enabled"] = account.TwoFactorEnabled,
            ["recoveryCodesLeft"] = account.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(account).ConfigureAwait(false) : 0,
        };
        document["agentAuthorizations"] = await AgentsAsync(account, cancellationToken).ConfigureAwait(false);
        document["counterRequests"] = await CounterRequestsAsync(accountId, cancellationToken).ConfigureAwait(false);
        document["privacyAcceptances"] = Array((await db.PrivacyAcceptances.AsNoTracking().Where(a => a.AccountId == accountId).OrderBy(a => a.AcceptedAt).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(a => new JsonObject { ["version"] = a.Version, ["acceptedAt"] = Time(a.AcceptedAt) }));
        document["auditEvents"] = Array((await db.AuditEntries.AsNoTracking().Where(e => e.SubjectAccountId == accountId).OrderBy(e => e.At).Select(e => new { e.At, e.Action }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(e => new JsonObject { ["at"] = Time(e.At), ["action"] = AuditAction.DisplayName(e.Action) }));
        return document;
    }

    private async Task<JsonObject> AgentsAsync(Account account, CancellationToken cancellationToken)
    {
        var asPerson = await db.AgentAuthorizations.AsNoTracking().Where(a => a.PersonAccountId == account.Id)
            .Select(a => new { a.Organisation!.LegalEntity!.OrganisationName, a.Role, a.StartsOn, a.EndsOn, a.Status, a.CreatedAt, a.RespondedAt, a.EndedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var asOrganisation = await db.AgentAuthorizations.AsNoTracking().Where(a => a.OrganisationAccountId == account.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["asPerson"] = Array(asPerson.OrderBy(a => a.CreatedAt).Select(a => Agent(a.OrganisationName, null, a.Role, a.StartsOn, a.EndsOn, a.Status, a.CreatedAt, a.RespondedAt, a.EndedAt))),

            // The organisation's own record of whom it authorised: the 经办人 by a masked name only.
            ["asOrganisation"] = Array(asOrganisation.OrderBy(a => a.CreatedAt).Select(a => Agent(null, SensitiveText.MaskName(a.PersonName), a.Role, a.StartsOn, a.EndsOn, a.Status, a.CreatedAt, a.RespondedAt, a.EndedAt))),
        };
    }

    private static JsonObject Agent(string? organisation, string? agent, AgentRole role, DateOnly starts, DateOnly ends, AgentAuthorizationStatus status, DateTime created, DateTime? responded, DateTime? ended) => new()
    {
        ["organisation"] = organisation,
        ["agent"] = agent,
        ["role"] = role.DisplayName(),
        ["startsOn"] = starts.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["endsOn"] = ends.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["status"] = status.DisplayName(),
        ["grantedAt"] = Time(created),
        ["respondedAt"] = Time(responded),
        ["endedAt"] = Time(ended),
    };

    /// <summary>Requests at the counter about the account: what and when, staff by role (受理 a clerk, 审核 a supervisor), never by name or id; not the agent who came.</summary>
    private async Task<JsonArray> CounterRequestsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var requests = await db.CounterRequests.AsNoTracking().Where(r => r.AccountId == accountId).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Array(requests.Select(r => new JsonObject
        {
            ["kind"] = r.ChangeKind.DisplayName(),
            ["status"] = r.Status.DisplayName(),
            ["byAgent"] = r.ByAgent,
            ["openedAt"] = Time(r.CreatedAt),
            ["openedBy"] = StaffRole.DisplayName(StaffRole.Clerk),
            ["submittedAt"] = Time(r.SubmittedAt),
            ["decidedAt"] = Time(r.DecidedAt),
            ["decidedBy"] = r.DecidedAt is null ? null : StaffRole.DisplayName(StaffRole.Supervisor),
            ["decisionNote"] = r.DecisionNote,
            ["appliedAt"] = Time(r.AppliedAt),
        }));
    }

    private static JsonArray Array(IEnumerable<JsonNode?> items) => [.. items];

    /// <summary>Times as ISO 8601 with Beijing's offset: readable by machines and people alike.</summary>
    private static string? Time(DateTime? utc) => utc is { } at ? ChinaTime.Format(at, "yyyy-MM-dd'T'HH:mm:sszzz") : null;
}
