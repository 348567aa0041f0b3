using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>登录 (个人登录 and 法人登录 side by side) and 退出.</summary>
/// <remarks>
/// Services come per action: the form's page, most of this controller's requests, then builds none of
/// the sign-in's graph (UserManager, SignInManager, OpenIddict's caches): 6 % of the page's CPU.
/// </remarks>
[Route("/account")]
public sealed class LoginController : Controller
{
    [HttpGet("login")]
    public async Task<IActionResult> Login(string? returnUrl, string? kind)
    {
        await HttpContext.AllowReturnToClientAsync(returnUrl);
        return View(new LoginForm { ReturnUrl = returnUrl, Kind = kind == LoginKinds.Legal ? LoginKinds.Legal : LoginKinds.Person });
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("login")]
    public async Task<IActionResult> Login(
        LoginForm form,
        [FromServices] CaptchaService captcha,
        [FromServices] AccountLocator locator,
        [FromServices] PasswordSignIn passwordSignIn,
        [FromServices] LoginGate gate,
        [FromServices] SecondFactorSignIn secondFactor)
    {
        ArgumentNullException.ThrowIfNull(form);
        await HttpContext.AllowReturnToClientAsync(form.ReturnUrl);
        if (!ModelState.IsValid
            || !ModelState.AddCaptchaVerdict(await captcha.VerifyAsync(form.CaptchaId, form.Captcha, HttpContext.RequestAborted)))
        {
            return View(form);
        }

        var account = await locator.FindAsync(LoginKinds.ToAccountKind(form.Kind), form.Account, HttpContext.RequestAborted);
        if (account is null)
        {
            ModelState.AddModelError(nameof(form.Account), SeedMessages.AccountDoesNotExist);
            ViewData["Hint"] = "not-found";
            return View(form);
        }

        var result = await passwordSignIn.CheckAsync(account, form.Password!, secondFactorFollows: account.TwoFactorEnabled);
        switch (result.Outcome)
        {
            case SignInOutcome.PasswordAccepted:
                if (await gate.RefusalAsync(account, HttpContext.RequestAborted) is { } refusal)
                {
                    ModelState.AddModelError(nameof(form.Account), refusal);
                    ViewData["Hint"] = "counter";
                    ViewData["MaterialsUserType"] = Guidance.MaterialsChoice.SlugFor(account);
                    return View(form);
                }

                // 两步验证: not signed in yet; only a ticket goes on to the code step.
                if (await secondFactor.BeginAsync(account) is { } ticket)
                {
                    return View(SecondFactorController.CodeView, new SecondFactorForm { Ticket = ticket, ReturnUrl = form.ReturnUrl, Method = await secondFactor.MethodAsync(account) });
                }

                await passwordSignIn.SignInAsync(account);
                return this.ReturnOrMyAccount(form.ReturnUrl);
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(nameof(form.Password), result.LockedMessage());
                break;
            default:
                ModelState.AddModelError(nameof(form.Password), SeedMessages.WrongUserNameOrPassword);
                ViewData["Hint"] = "wrong-password";
                break;
        }

        return View(form);
    }

    [HttpPost("logout")]
    [Services.Closing.AllowDuringClosing]
    [Authorize]
    [Services.Privacy.PrivacyGateExempt]
    public async Task<IActionResult> Logout([FromServices] SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        TempData["Status"] = StatusMessages.SignedOut;
        return Redirect("/");
    }
}
