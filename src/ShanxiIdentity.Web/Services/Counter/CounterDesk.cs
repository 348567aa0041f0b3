using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>What a clerk asks for when opening a request; identifiers already checked for form.</summary>
public sealed record OpenRequest(
    Guid? AccountId,
    CounterChangeKind Kind,
    CounterUserType UserType,
    bool ByAgent,
    string? AgentName,
    string? AgentIdNumber,
    DateOnly? LetterDate,
    CounterChange Change);

/// <summary>Success, or the form field to blame (null for the whole request) and the message.</summary>
public sealed record DeskOutcome(Guid? RequestId = null, string? Field = null, string? Message = null)
{
    public bool Succeeded => Message is null;

    public static DeskOutcome Refused(string? field, string message) => new(null, field, message);
}

/// <summary>
/// 政务大厅变更申请 from opening to archive: the clerk opens a request for a case of the materials
/// table, ticks and scans each material, and submits; a supervisor other than the clerk approves
/// (the change is applied in the same transaction) or rejects with a reason. Every step is audited.
/// </summary>
public sealed class CounterDesk(
    PortalDbContext db,
    AccountLocator locator,
    AuditLog audit,
    CounterChangeApplier applier,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static CounterChange ReadChange(CounterRequest request) =>
        JsonSerializer.Deserialize<CounterChange>((request ?? throw new ArgumentNullException(nameof(request))).ChangeDetails, Json) ?? new CounterChange();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => ChinaTime.Today(clock);

    public async Task<DeskOutcome> OpenAsync(OpenRequest open, Guid clerkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        Account? account = null;
        if (open.Kind == CounterChangeKind.Registration)
        {
            if (await RegistrationRefusalAsync(open, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }
        }
        else
        {
            account = open.AccountId is { } id ? await locator.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) : null;
            if (account is null || account.Kind == AccountKind.Staff)
            {
                return DeskOutcome.Refused(null, CounterMessages.AccountRequired);
            }

            if (ModificationRefusal(open, account) is { } refused)
            {
                return refused;
            }
        }

        if (open.ByAgent && AgentRefusal(open, account) is { } agentRefused)
        {
            return agentRefused;
        }

        var request = new CounterRequest
        {
            Id = Guid.NewGuid(),
            AccountId = account?.Id,
            Operation = open.Kind.Operation(),
            UserType = open.UserType,
            ByAgent = open.ByAgent,
            AgentName = open.ByAgent ? open.AgentName : null,
            AgentIdNumber = open.ByAgent ? open.AgentIdNumber : null,
            AuthorizationLetterDate = open.ByAgent ? open.LetterDate : null,
            ChangeKind = open.Kind,
            ChangeDetails = JsonSerializer.Serialize(open.Change, Json),
            Status = CounterRequestStatus.Draft,
            CreatedByStaffId = clerkId,
            CreatedAt = Now,
        };
        foreach (var item in MaterialsTable.For(open.UserType, open.ByAgent).Items)
        {
            request.Materials.Add(new CounterRequestMaterial { Position = item.Position, Description = item.Text });
        }

        db.CounterRequests.Add(request);
        audit.Record(AuditAction.RequestOpened, account?.Id, clerkId, Describe(request));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(request.Id);
    }

    public Task<CounterRequest?> FindAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.CounterRequests.Include(r => r.Materials).ThenInclude(m => m.Scan)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);

    public async Task<DeskOutcome> CheckMaterialAsync(Guid requestId, int position, bool isChecked, Guid clerkId, CancellationToken cancellationToken)
    {
        if (await EditableMaterialAsync(requestId, position, cancellationToken).ConfigureAwait(false) is not ({ } request, { } material))
        {
            return DeskOutcome.Refused(null, CounterMessages.NotEditable);
        }

        material.CheckedAgainstOriginal = isChecked;
        material.CheckedAt = isChecked ? Now : null;
        audit.Record(AuditAction.MaterialChecked, request.AccountId, clerkId, $"{Describe(request)} 第{position}项 {(isChecked ? "已核对" : "取消核对")}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(requestId);
    }

    public async Task<DeskOutcome> AttachScanAsync(Guid requestId, int position, string? fileName, byte[] content, Guid clerkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ScanFile.Refusal(content) is { } refusal)
        {
            return DeskOutcome.Refused("Scan", refusal);
        }

        if (await EditableMaterialAsync(requestId, position, cancellationToken).ConfigureAwait(false) is not ({ } request, { } material))
        {
            return DeskOutcome.Refused(null, CounterMessages.NotEditable);
        }

        var format = ScanFile.Detect(content)!.Value;
        if (material.Scan is { } previous)
        {
            db.MaterialScans.Remove(previous);
        }

        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? string.Empty));
        // No key set here: EF generates it, and so knows the scan is new rather than an update.
        material.Scan = new MaterialScan
        {
            FileName = $"{(string.IsNullOrWhiteSpace(baseName) ? $"材料{position}" : baseName[..Math.Min(baseName.Length, 100)])}{format.Extension()}",
            ContentType = format.ContentType(),
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = PersonalData.SealScan(content), // a copy of an ID card: encrypted at rest
            UploadedByStaffId = clerkId,
            UploadedAt = Now,
        };
        audit.Record(AuditAction.ScanUploaded, request.AccountId, clerkId, $"{Describe(request)} 第{position}项 {format} {content.Length}字节 sha256:{material.Scan.Sha256[..16]}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(requestId);
    }

    /// <summary>The archived scan, for a staff member who downloads it (audited).</summary>
    public async Task<MaterialScan?> ScanAsync(Guid requestId, int position, Guid staffId, CancellationToken cancellationToken)
    {
        var request = await db.CounterRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false);
        var scan = request is null ? null : await db.MaterialScans.AsNoTracking()
            .SingleOrDefaultAsync(s => db.CounterRequestMaterials.Any(m => m.Id == s.CounterRequestMaterialId && m.CounterRequestId == requestId && m.Position == position), cancellationToken)
            .ConfigureAwait(false);
        if (scan is null)
        {
            return null;
        }

        await audit.WriteAsync(AuditAction.ScanDownloaded, request!.AccountId, staffId, $"{Describe(request)} 第{position}项", cancellationToken).ConfigureAwait(false);

        // Not tracked: the decrypted bytes are never written back.
        scan.Content = PersonalData.OpenScan(scan.Content);
        return scan;
    }

    public async Task<IReadOnlyList<string>> SubmitAsync(Guid requestId, Guid clerkId, CancellationToken cancellationToken)
    {
        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request is not { Status: CounterRequestStatus.Draft })
        {
            return [CounterMessages.NotEditable];
        }

        var problems = new List<string>();
        foreach (var material in request.Materials.OrderBy(m => m.Position))
        {
            if (!material.CheckedAgainstOriginal)
            {
                problems.Add(CounterMessages.MaterialUnchecked(material.Position));
            }

            if (material.Scan is null)
            {
                problems.Add(CounterMessages.MaterialUnscanned(material.Position));
            }
        }

        if (request.ByAgent && AuthorizationLetter.Refusal(request.AuthorizationLetterDate, Today) is { } letter)
        {
            problems.Add(letter);
        }

        if (problems.Count > 0)
        {
            return [CounterMessages.MaterialsIncomplete, .. problems];
        }

        request.Status = CounterRequestStatus.Submitted;
        request.SubmittedAt = Now;
        audit.Record(AuditAction.RequestSubmitted, request.AccountId, clerkId, Describe(request));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <summary>Approves and applies in one transaction, then notifies the holder by SMS.</summary>
    public async Task<DeskOutcome> ApproveAsync(Guid requestId, Guid supervisorId, CancellationToken cancellationToken)
    {
        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (DecisionRefusal(request, supervisorId) is { } refused)
        {
            return refused;
        }

        var change = ReadChange(request!);
        var applied = await applier.ApplyAsync(request!, change, cancellationToken).ConfigureAwait(false);
        if (!applied.Succeeded)
        {
            return DeskOutcome.Refused(null, applied.Message!);
        }

        request!.Status = CounterRequestStatus.Applied;
        request.DecidedByStaffId = supervisorId;
        request.DecidedAt = Now;
        request.AppliedAt = Now;
        audit.Record(AuditAction.RequestApproved, request.AccountId, supervisorId, Describe(request));
        audit.Record(AuditAction.ChangeApplied, request.AccountId, supervisorId, Describe(request));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another supervisor decided first; nothing of this attempt was written.
            db.ChangeTracker.Clear();
            return DeskOutcome.Refused(null, CounterMessages.NotAwaitingDecision);
        }
        catch (DbUpdateException)
        {
            // A registration raced an online one for the same identifier: the unique index decided.
            db.ChangeTracker.Clear();
            return DeskOutcome.Refused(null, await applier.ExplainConflictAsync(change, cancellationToken).ConfigureAwait(false));
        }

        return new DeskOutcome(requestId);
    }

    public async Task<DeskOutcome> RejectAsync(Guid requestId, Guid supervisorId, string? reason, CancellationToken cancellationToken)
    {
        var note = reason?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return DeskOutcome.Refused("Reason", CounterMessages.RejectionReasonRequired);
        }

        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (DecisionRefusal(request, supervisorId) is { } refused)
        {
            return refused;
        }

        request!.Status = CounterRequestStatus.Rejected;
        request.DecidedByStaffId = supervisorId;
        request.DecidedAt = Now;
        request.DecisionNote = note[..Math.Min(note.Length, 500)];
        audit.Record(AuditAction.RequestRejected, request.AccountId, supervisorId, Describe(request) + " 原因：" + SensitiveText.Redact(request.DecisionNote));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskOutcome.Refused(null, CounterMessages.NotAwaitingDecision);
        }

        return new DeskOutcome(requestId);
    }

    /// <summary>Short description for the audit log, without identifiers in clear.</summary>
    public static string Describe(CounterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"申请{Reference(request.Id)} {request.ChangeKind.DisplayName()} {request.UserType.DisplayName()}{(request.ByAgent ? " 代办" : string.Empty)}";
    }

    /// <summary>The number staff read out and write on paper: the first eight hex digits of the id.</summary>
    public static string Reference(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    private static DeskOutcome? DecisionRefusal(CounterRequest? request, Guid supervisorId) =>
        request is not { Status: CounterRequestStatus.Submitted } ? DeskOutcome.Refused(null, CounterMessages.NotAwaitingDecision)
        : request.CreatedByStaffId == supervisorId ? DeskOutcome.Refused(null, CounterMessages.OwnRequest)
        : null;

    private async Task<(CounterRequest?, CounterRequestMaterial?)> EditableMaterialAsync(Guid requestId, int position, CancellationToken cancellationToken)
    {
        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        return request is { Status: CounterRequestStatus.Draft }
            ? (request, request.Materials.SingleOrDefault(m => m.Position == position))
            : (null, null);
    }

    private static DeskOutcome? ModificationRefusal(OpenRequest open, Account account)
    {
        var expected = account.LegalEntity?.Type.UserType();
        var typeFits = account.Kind == AccountKind.Person
            ? open.UserType == CounterUserType.Person
            : open.UserType != CounterUserType.Person && (expected is null || expected == open.UserType);
        if (!typeFits)
        {
            return DeskOutcome.Refused("UserType", CounterMessages.UserTypeMismatch);
        }

        var change = open.Change;
        switch (open.Kind)
        {
            case CounterChangeKind.ReservedPhone when change.NewPhone is null:
                return DeskOutcome.Refused("NewPhone", SeedMessages.StarredFieldsRequired);
            case CounterChangeKind.ReservedPhone when change.NewPhone == account.PhoneNumber:
                return DeskOutcome.Refused("NewPhone", AccountMessages.SamePhone);
            case CounterChangeKind.AccountInformation when change.Name is null && change.RepresentativeName is null && change.RepresentativeIdNumber is null:
                return DeskOutcome.Refused(null, CounterMessages.NothingToChange);

            // A person's 姓名 is written only in the form the name rule gives (never the organisation-name rule).
            case CounterChangeKind.AccountInformation when account.Kind == AccountKind.Person && change.Name is { } name && PersonName.NormalizeName(name) != name:
                return DeskOutcome.Refused("Name", AccountMessages.NameInvalid);
            case CounterChangeKind.ManualRealNameVerification when account.LegalEntity is { VerifiedAtCounter: true }
                || account.Person is { RealNameVerifiedAt: not null }:
                return DeskOutcome.Refused(null, CounterMessages.AlreadyVerified);
            default:
                return null;
        }
    }

    private async Task<DeskOutcome?> RegistrationRefusalAsync(OpenRequest open, CancellationToken cancellationToken)
    {
        var change = open.Change;
        if (change.NewPhone is null || change.Name is null)
        {
            return DeskOutcome.Refused(null, SeedMessages.StarredFieldsRequired);
        }

        if (open.UserType == CounterUserType.Person)
        {
            if (PersonName.NormalizeName(change.Name) != change.Name)
            {
                return DeskOutcome.Refused("Name", AccountMessages.NameInvalid);
            }

            if (change.IdNumber is null)
            {
                return DeskOutcome.Refused("IdNumber", SeedMessages.StarredFieldsRequired);
            }

            if (await locator.IdNumberTakenAsync(change.IdNumber, cancellationToken).ConfigureAwait(false))
            {
                return DeskOutcome.Refused("IdNumber", SeedMessages.IdNumberAlreadyCertified);
            }
        }
        else
        {
            if (change.CreditCode is null || change.LegalEntityType is not { } type || change.RepresentativeName is null
                || change.RepresentativeIdNumber is null || change.LoginName is null)
            {
                return DeskOutcome.Refused(null, SeedMessages.StarredFieldsRequired);
            }

            if (type.UserType() is { } tableType && tableType != open.UserType)
            {
                return DeskOutcome.Refused("UserType", CounterMessages.UserTypeMismatch);
            }

            if (await locator.CreditCodeTakenAsync(change.CreditCode, cancellationToken).ConfigureAwait(false))
            {
                return DeskOutcome.Refused("CreditCode", SeedMessages.CreditCodeAlreadyCertified);
            }
        }

        if (change.LoginName is { } loginName && await locator.UserNameTakenAsync(loginName, cancellationToken).ConfigureAwait(false))
        {
            return DeskOutcome.Refused("LoginName", open.UserType == CounterUserType.Person ? AccountMessages.UserNameTaken : SeedMessages.LoginNameTaken);
        }

        return null;
    }

    private DeskOutcome? AgentRefusal(OpenRequest open, Account? account)
    {
        if (string.IsNullOrWhiteSpace(open.AgentName) || open.AgentIdNumber is null)
        {
            return DeskOutcome.Refused("AgentName", CounterMessages.AgentRequired);
        }

        var holderId = account?.Person?.ResidentIdNumber ?? (open.UserType == CounterUserType.Person ? open.Change.IdNumber : null);
        if (holderId is not null && holderId == open.AgentIdNumber)
        {
            return DeskOutcome.Refused("AgentIdNumber", CounterMessages.AgentIsHolder);
        }

        return AuthorizationLetter.Refusal(open.LetterDate, Today) is { } letter ? DeskOutcome.Refused("LetterDate", letter) : null;
    }
}
