using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Guidance;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>用户协议, readable on its own page (the registration form links here and shows it inline).</summary>
[Services.Privacy.PrivacyGateExempt]
public sealed class AgreementController : Controller
{
    [HttpGet("/agreement")]
    public IActionResult Index() => View(Templates.UserAgreement);
}
