using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.MyCases.BackChannel;
using ShanxiIdentity.MyCases.Data;

namespace ShanxiIdentity.MyCases.Controllers;

/// <summary>
/// The back-channel logout endpoint registered at the portal (接入系统): the portal POSTs a logout token
/// when the person signs out there, resets the password, withdraws consent or closes the account.
/// 200 when the sign-in here is ended; 400 for anything but a valid, unseen token.
/// </summary>
public sealed class BackChannelLogoutController(LogoutTokenValidator validator, CasesDbContext db, TimeProvider clock) : Controller
{
    // Server to server: no browser, no cookie, no antiforgery token; the signed token is the proof.
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [HttpPost("/backchannel-logout")]
    public async Task<IActionResult> Logout()
    {
        Response.Headers.CacheControl = "no-store";
        var token = Request.HasFormContentType ? (await Request.ReadFormAsync(HttpContext.RequestAborted))["logout_token"].ToString() : null;
        if (await validator.ValidateAsync(token, HttpContext.RequestAborted) is not { } logout)
        {
            return BadRequest(new { error = "invalid_request", error_description = "The logout token is not valid." });
        }

        db.EndedSessions.Add(new EndedSession { Subject = logout.Subject, SessionId = logout.SessionId, EndedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Ok();
    }
}
