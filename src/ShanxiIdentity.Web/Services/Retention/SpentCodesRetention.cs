using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// Spent captchas and passkey challenges past their expiry (a spent row only matters while the captcha
/// could still be answered), SMS codes and send throttles once no daily limit counts them any more.
/// </summary>
public sealed class SpentCodesRetention(PortalDbContext db, RetentionSettings settings) : IRetentionTask
{
    /// <summary>The daily SMS limits count the codes of the current China day: two days back is past any of them.</summary>
    private static readonly TimeSpan CodeCountWindow = TimeSpan.FromDays(2);

    public string Name => "spent-codes";

    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var codesBefore = now - CodeCountWindow;
        var captchas = await BatchDeletion.DeleteAsync(
            db.SpentCaptchas.Where(c => c.ExpiresAt < now), c => c.Id, batch => c => batch.Contains(c.Id), settings.BatchSize, cancellationToken).ConfigureAwait(false);
        var codes = await BatchDeletion.DeleteAsync(
            db.SmsCodes.Where(c => c.ExpiresAt < now && c.CreatedAt < codesBefore), c => c.Id, batch => c => batch.Contains(c.Id), settings.BatchSize, cancellationToken).ConfigureAwait(false);
        var throttles = await BatchDeletion.DeleteAsync(
            db.SmsThrottles.Where(t => t.LastSentAt < codesBefore), t => t.Phone, batch => t => batch.Contains(t.Phone), settings.BatchSize, cancellationToken).ConfigureAwait(false);
        return captchas + codes + throttles;
    }
}
