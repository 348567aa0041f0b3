using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// Puts a message in the outbox on the caller's unit of work without saving: the caller's one
/// SaveChanges writes it with the change that causes it (a code row, a counter change), or neither
/// is written. Once saved, this instance's outbox worker is woken to deliver it.
/// </summary>
public sealed class SmsOutbox(PortalDbContext db, SmsDoorbell doorbell, TimeProvider clock) : IDisposable
{
    private bool _listening;

    /// <param name="discardAfter">When the message stops being worth sending (a code's expiry); null: until delivered.</param>
    public SmsMessage Add(string phone, string text, string purpose, DateTime? discardAfter = null)
    {
        var message = SmsMessage.Queue(phone, text, purpose, clock.GetUtcNow().UtcDateTime, discardAfter);
        db.SmsOutbox.Add(message);
        if (!_listening)
        {
            db.SavedChanges += RingAfterSave;
            _listening = true;
        }

        return message;
    }

    public void Dispose()
    {
        // The context is pooled: it must not keep calling this scope's handler.
        if (_listening)
        {
            db.SavedChanges -= RingAfterSave;
            _listening = false;
        }
    }

    private void RingAfterSave(object? sender, SavedChangesEventArgs e) => doorbell.Ring();
}
