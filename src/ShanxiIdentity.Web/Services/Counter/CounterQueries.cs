using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Areas.Counter.ViewModels;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>What the counter's request pages show, read without tracking and shaped for the views.</summary>
public sealed class CounterQueries(PortalDbContext db, AccountLocator locator, AuditLog audit)
{
    /// <summary>A list shows the latest requests, at most this many.</summary>
    public const int ListLimit = 200;

    public async Task<DeskSummary> DeskAsync(Guid staffId, CancellationToken cancellationToken)
    {
        var requests = db.CounterRequests.AsNoTracking();
        return new DeskSummary(
            await db.StaffProfiles.Where(p => p.AccountId == staffId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false),
            await requests.CountAsync(r => r.Status == CounterRequestStatus.Draft && r.CreatedByStaffId == staffId, cancellationToken).ConfigureAwait(false),
            await requests.CountAsync(r => r.Status == CounterRequestStatus.Submitted && r.CreatedByStaffId != staffId, cancellationToken).ConfigureAwait(false));
    }

    public async Task<RequestList> RequestsAsync(CounterRequestStatus? status, CancellationToken cancellationToken)
    {
        var requests = db.CounterRequests.AsNoTracking();
        if (status is { } wanted)
        {
            requests = requests.Where(r => r.Status == wanted);
        }

        return new RequestList(status, await RowsAsync(requests, ListLimit, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The latest requests of a query as list rows.</summary>
    public static async Task<IReadOnlyList<RequestRow>> RowsAsync(IQueryable<CounterRequest> requests, int limit, CancellationToken cancellationToken)
    {
        var rows = await requests.OrderByDescending(r => r.CreatedAt).Take(limit)
            .Select(r => new { r.Id, r.ChangeKind, r.UserType, r.ByAgent, r.Status, r.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new RequestRow(r.Id, CounterDesk.Reference(r.Id), r.ChangeKind, r.UserType, r.ByAgent, r.Status, r.CreatedAt));
    }

    /// <summary>The account a new request is opened for, masked; null when there is none.</summary>
    public async Task<AccountSummary?> AccountSummaryAsync(Guid? accountId, CancellationToken cancellationToken) =>
        accountId is { } id && await locator.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) is { } account
            ? Summary(account, revealed: false)
            : null;

    /// <summary>Records that a staff member asked to see a request's identifiers in full; false when there is no such request.</summary>
    public async Task<bool> RevealAsync(Guid requestId, Guid staffId, CancellationToken cancellationToken)
    {
        if (await db.CounterRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return false;
        }

        await audit.WriteAsync(AuditAction.CounterRevealed, request.AccountId, staffId, CounterDesk.Describe(request) + " 查看完整信息", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A request's page for this staff member, with what their roles let them do on it.</summary>
    public async Task<RequestPage?> RequestPageAsync(Guid requestId, Guid staffId, bool isClerk, bool isSupervisor, bool revealed, CancellationToken cancellationToken)
    {
        var request = await db.CounterRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return null;
        }

        // The checklist without the scans' content: a page needs their names and sizes only.
        var materials = await db.CounterRequestMaterials.AsNoTracking().Where(m => m.CounterRequestId == requestId).OrderBy(m => m.Position)
            .Select(m => new MaterialRow(m.Position, m.Description, m.CheckedAgainstOriginal, m.Scan != null ? m.Scan.FileName : null, m.Scan != null ? m.Scan.Length : 0))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var account = request.AccountId is { } accountId ? await locator.FindByIdAsync(accountId, cancellationToken).ConfigureAwait(false) : null;
        var staffIds = new[] { request.CreatedByStaffId, request.DecidedByStaffId ?? Guid.Empty };
        var names = await db.StaffProfiles.AsNoTracking().Where(p => staffIds.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, p => p.Name, cancellationToken).ConfigureAwait(false);
        var change = request.ReadChange();
        string? Show(string? value, Func<string, string> mask) => value is null ? null : Masking.Show(revealed, value, mask);
        return new RequestPage
        {
            Id = request.Id,
            Reference = CounterDesk.Reference(request.Id),
            Status = request.Status,
            Operation = request.Operation,
            ChangeKind = request.ChangeKind,
            UserType = request.UserType,
            Account = account is null ? null : Summary(account, revealed),
            Change = change with
            {
                NewPhone = Show(change.NewPhone, SensitiveText.MaskPhone),
                IdNumber = Show(change.IdNumber, SensitiveText.MaskIdNumber),
                RepresentativeIdNumber = Show(change.RepresentativeIdNumber, SensitiveText.MaskIdNumber),
            },
            ByAgent = request.ByAgent,
            AgentName = request.AgentName,
            AgentIdNumber = Show(request.AgentIdNumber, SensitiveText.MaskIdNumber),
            LetterDate = request.AuthorizationLetterDate,
            CreatedBy = names.GetValueOrDefault(request.CreatedByStaffId),
            CreatedAt = request.CreatedAt,
            DecidedBy = request.DecidedByStaffId is { } decider ? names.GetValueOrDefault(decider) : null,
            DecidedAt = request.DecidedAt,
            RejectionReason = request.Status == CounterRequestStatus.Rejected ? request.DecisionNote : null,
            AppliedAt = request.AppliedAt,
            Materials = materials,
            Revealed = revealed,
            CanEdit = isClerk && request.IsDraft,
            CanDecide = isSupervisor && request.DecisionRefusal(staffId) is null,
            AwaitsOthers = request.Status == CounterRequestStatus.Submitted && request.CreatedByStaffId == staffId,
        };
    }

    /// <summary>Null for a staff account: the counter opens requests for citizens and organisations only.</summary>
    private static AccountSummary? Summary(Account account, bool revealed) => (account.Person, account.LegalEntity) switch
    {
        ({ } person, _) => new AccountSummary(account.Id, person.Name, Masking.Show(revealed, person.ResidentIdNumber, SensitiveText.MaskIdNumber), null),
        (_, { } organisation) => new AccountSummary(account.Id, organisation.OrganisationName, organisation.CreditCode, organisation.Type),
        _ => null,
    };
}
