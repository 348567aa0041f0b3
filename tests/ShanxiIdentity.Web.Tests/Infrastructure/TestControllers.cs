using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// Endpoints that exist only in the test host (added as an application part), to drive the real
/// pipeline into states no page reaches on purpose: an unhandled exception, a validated form.
/// </summary>
[Route("/test")]
public sealed class TestProbeController : Controller
{
    [HttpGet("throw")]
    public IActionResult Throw() =>
        throw new InvalidOperationException($"Probe failure {HttpContext.TraceIdentifier} with secret detail 11010519491231002X");

    /// <summary>How the session was signed in: the amr claims of the cookie's principal, comma-separated.</summary>
    [HttpGet("amr")]
    [Microsoft.AspNetCore.Authorization.Authorize]
    public IActionResult Amr() => Ok(string.Join(",", User.FindAll(ShanxiIdentity.Domain.Accounts.AuthenticationMethods.ClaimType).Select(c => c.Value)));

    [HttpPost("identifiers")]
    [IgnoreAntiforgeryToken]
    public IActionResult Identifiers(IdentifierProbe probe) => Verdict();

    /// <summary>The same form posted under a [Bind(Prefix)], as 我的账号's two forms are.</summary>
    [HttpPost("identifiers/prefixed")]
    [IgnoreAntiforgeryToken]
    public IActionResult PrefixedIdentifiers([Bind(Prefix = "Probe")] IdentifierProbe form) => Verdict();

    private IActionResult Verdict() =>
        ModelState.IsValid
            ? Ok("valid")
            : BadRequest(ModelState.Where(e => e.Value!.Errors.Count > 0).ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()));
}

public sealed class IdentifierProbe
{
    public string? IdNumber { get; set; }

    public string? CreditCode { get; set; }

    public string? Phone { get; set; }
}

public sealed class IdentifierProbeValidator : AbstractValidator<IdentifierProbe>
{
    public IdentifierProbeValidator()
    {
        RuleFor(p => p.IdNumber).ResidentIdNumber();
        RuleFor(p => p.CreditCode).CreditCode();
        RuleFor(p => p.Phone).MobilePhone();
    }
}
