using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Guidance;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Domain.SingleSignOn;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>我的账号: what the portal holds, and the changes a citizen can make online.</summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my")]
public sealed class MyAccountController(
    UserManager<Account> users,
    SignInManager<Account> signIn,
    AccountLocator locator,
    SmsCodeService sms,
    PortalDbContext db,
    AuditLog audit,
    PasswordSignIn passwordCheck,
    ConsentRegistry consents,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var account = await CurrentAsync();
        return account is null
            ? Challenge()
            : View(ToView(account) with
            {
                CounterChanges = await CounterChangesAsync(account.Id),
                Consents = await consents.ListAsync(account.Id, HttpContext.RequestAborted),
            });
    }

    /// <summary>撤销授权: the client system must ask again, and its tokens stop working at once.</summary>
    [HttpPost("consents/{id}/withdraw")]
    public async Task<IActionResult> WithdrawConsent(string id)
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        if (await consents.WithdrawAsync(account.Id, id, HttpContext.RequestAborted))
        {
            TempData["Status"] = ClientMessages.ConsentWithdrawn;
        }

        return RedirectToAction(nameof(Index));
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "ChangePassword")] ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        const string prefix = "ChangePassword.";
        foreach (var error in PortalPasswordValidator.Check(account, form.Password))
        {
            ModelState.AddModelError(prefix + nameof(form.Password), error);
        }

        if (ModelState.IsValid && await passwordCheck.CheckAsync(account, form.CurrentPassword!) is { Outcome: not SignInOutcome.PasswordAccepted } refused)
        {
            ModelState.AddModelError(prefix + nameof(form.CurrentPassword), refused.Outcome == SignInOutcome.LockedOut ? refused.LockedMessage() : AccountMessages.CurrentPasswordWrong);
        }

        if (ModelState.IsValid)
        {
            // The current password was checked above (with the lockout count): no second verification.
            var changed = await users.ReplacePasswordAsync(account, form.Password!);
            if (changed.Succeeded)
            {
                await signIn.RefreshSignInAsync(account);
                await audit.WriteAsync(AuditAction.PasswordChanged, account.Id, cancellationToken: HttpContext.RequestAborted);
                TempData["Status"] = AccountMessages.PasswordChanged + "，其他设备上的登录已同时退出";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(prefix + nameof(form.Password), string.Join("；", changed.Errors.Select(e => e.Description)));
        }

        return View(nameof(Index), ToView(account) with { ChangePassword = form });
    }

    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("phone/sms-old")]
    public async Task<IActionResult> SendOldPhoneCode()
    {
        if (await CurrentAsync() is not { } account || MobilePhone.Parse(account.PhoneNumber).Value is not { } phone)
        {
            return Json(new { sent = false, message = AccountMessages.NoReservedPhone });
        }

        var result = await sms.SendAsync(phone, SmsPurpose.PhoneChangeOld, HttpContext.RequestAborted);
        return Json(new { sent = result.Sent, message = result.Message });
    }

    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("phone/sms-new")]
    public async Task<IActionResult> SendNewPhoneCode([Bind(Prefix = "ChangePhone")] ChangePhoneForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        // Codes go to a new number only for whoever holds the reserved phone (its code checked, not
        // spent): otherwise any signed-in account could send codes to any number, with no captcha.
        if (MobilePhone.Parse(account.PhoneNumber).Value is not { } oldPhone
            || !(await sms.CheckAsync(oldPhone, SmsPurpose.PhoneChangeOld, form.OldPhoneCode, HttpContext.RequestAborted)).Passed)
        {
            return Json(new { sent = false, message = AccountMessages.OldPhoneCodeFirst });
        }

        var result = await sms.SendAsync(form.NewPhone, SmsPurpose.PhoneChangeNew, HttpContext.RequestAborted);
        return Json(new { sent = result.Sent, message = result.Message });
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("phone")]
    public async Task<IActionResult> ChangePhone([Bind(Prefix = "ChangePhone")] ChangePhoneForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        const string prefix = "ChangePhone.";
        var oldPhone = MobilePhone.Parse(account.PhoneNumber).Value;
        var newPhone = MobilePhone.Parse(form.NewPhone).Value;
        if (ModelState.IsValid && oldPhone is not null && newPhone is not null)
        {
            if (newPhone.Equals(oldPhone))
            {
                ModelState.AddModelError(prefix + nameof(form.NewPhone), AccountMessages.SamePhone);
            }
            else if (await passwordCheck.CheckAsync(account, form.CurrentPassword!) is { Outcome: not SignInOutcome.PasswordAccepted } refused)
            {
                // The same count and lockout as at login: this form must not be a way round them.
                ModelState.AddModelError(prefix + nameof(form.CurrentPassword), refused.Outcome == SignInOutcome.LockedOut ? refused.LockedMessage() : AccountMessages.CurrentPasswordWrong);
            }
            else if (await sms.VerifyAsync(oldPhone, SmsPurpose.PhoneChangeOld, form.OldPhoneCode, HttpContext.RequestAborted) is var oldCode && oldCode != SmsCodeVerdict.Passed)
            {
                ModelState.AddModelError(prefix + nameof(form.OldPhoneCode), SmsCodeService.Message(oldCode));
            }
            else if (await sms.VerifyAsync(newPhone, SmsPurpose.PhoneChangeNew, form.NewPhoneCode, HttpContext.RequestAborted) is var newCode && newCode != SmsCodeVerdict.Passed)
            {
                ModelState.AddModelError(prefix + nameof(form.NewPhoneCode), SmsCodeService.Message(newCode));
            }
            else
            {
                // Set directly, not through SetPhoneNumberAsync: the citizen chooses whether other sessions end.
                account.PhoneNumber = newPhone.Value;
                account.PhoneNumberConfirmed = true;
                account.PhoneChanges.Add(new ReservedPhoneChange
                {
                    OldPhone = oldPhone.Value,
                    NewPhone = newPhone.Value,
                    Channel = PhoneChangeChannel.Online,
                    ChangedAt = clock.GetUtcNow().UtcDateTime,
                });
                audit.Record(AuditAction.PhoneChanged, account.Id);
                await db.SaveChangesAsync(HttpContext.RequestAborted);
                TempData["Status"] = AccountMessages.PhoneChanged;
                TempData["OfferSignOutOthers"] = true;
                return RedirectToAction(nameof(Index));
            }
        }

        return View(nameof(Index), ToView(account) with { ChangePhone = form });
    }

    [HttpPost("sign-out-others")]
    public async Task<IActionResult> SignOutOthers()
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(account);
        await signIn.RefreshSignInAsync(account);
        await audit.WriteAsync(AuditAction.OtherSessionsSignedOut, account.Id, cancellationToken: HttpContext.RequestAborted);
        TempData["Status"] = AccountMessages.OtherSessionsSignedOut;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IReadOnlyList<(string, string)>> CounterChangesAsync(Guid accountId)
    {
        var applied = await db.CounterRequests.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.Status == CounterRequestStatus.Applied)
            .OrderByDescending(r => r.AppliedAt)
            .Select(r => new { r.ChangeKind, r.AppliedAt })
            .Take(20)
            .ToListAsync(HttpContext.RequestAborted);
        return applied.Select(r => (r.ChangeKind.DisplayName(), ChinaTime.Format(r.AppliedAt!.Value, "yyyy年M月d日 HH:mm"))).ToList();
    }

    private async Task<Account?> CurrentAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;

    private static MyAccountView ToView(Account account)
    {
        var registered = ChinaTime.Format(account.CreatedAt, "yyyy年M月d日");
        var phone = new ProfileRow("手机号", account.PhoneNumber is { } p ? SensitiveText.MaskPhone(p) : "未预留", "phone");
        var userName = account.UserName is { } name && !name.StartsWith(AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) ? name : null;
        if (account.LegalEntity is { } organisation)
        {
            var branch = organisation.Type == LegalEntityType.EnterpriseBranch;
            List<ProfileRow> rows =
            [
                new("单位名称", organisation.OrganisationName, "organisation"),
                new("法人类型", organisation.Type.DisplayName(), "type"),
                new("统一社会信用代码", organisation.CreditCode, "credit-code"),
                new(branch ? "负责人" : "法定代表人", organisation.RepresentativeName, "representative"),
                new(branch ? "负责人身份证号" : "法定代表人身份证号", SensitiveText.MaskIdNumber(organisation.RepresentativeIdNumber), "representative-id"),
            ];
            if (organisation.HeadOfficeCreditCode is { } headOffice)
            {
                rows.Add(new("总公司统一社会信用代码", headOffice, "head-office"));
            }

            rows.AddRange(
            [
                new("登录账号", userName ?? string.Empty, "login-name"),
                phone,
                new("实名核验", organisation.RealNameVerifiedAt is null ? "待政务大厅核验" : "已核验", "verification"),
                new("注册日期", registered, "registered"),
            ]);
            return new MyAccountView(organisation.OrganisationName, rows, IsLegalEntity: true, MaterialsChoice.SlugFor(account));
        }

        var person = account.Person!;
        List<ProfileRow> personRows = [new("姓名", person.Name, "name"), new("身份证号", SensitiveText.MaskIdNumber(person.ResidentIdNumber), "id-number")];
        if (userName is not null)
        {
            personRows.Add(new("用户名", userName, "user-name"));
        }

        personRows.AddRange([phone, new("注册日期", registered, "registered")]);
        return new MyAccountView(person.Name, personRows, IsLegalEntity: false, MaterialsChoice.SlugFor(account));
    }
}
