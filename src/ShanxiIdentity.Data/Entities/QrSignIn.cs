namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// 扫码登录: a QR code shown on a desktop login page, confirmed on a phone signed in to the portal,
/// completed by the desktop browser that holds its secret. Kept in the database, so any instance
/// serves the phone's page, the desktop's polling and the completion.
/// </summary>
public class QrSignIn
{
    public Guid Id { get; set; }

    /// <summary>What the QR code carries (/qr/{PublicId}): 256 random bits, base64url.</summary>
    public required string PublicId { get; set; }

    /// <summary>SHA-256 of the secret only the desktop browser holds (an HttpOnly cookie); a photo of the code lacks it.</summary>
    public required string SecretHash { get; set; }

    public QrSignInStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When a signed-in phone first opened the code's page (the desktop then says 已扫码).</summary>
    public DateTime? ScannedAt { get; set; }

    /// <summary>The account whose phone confirmed; the desktop signs in as this account and no other.</summary>
    public Guid? AccountId { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? UsedAt { get; set; }

    /// <summary>The desktop's address, shown on the phone masked and as an approximate place.</summary>
    public string? RequesterAddress { get; set; }

    /// <summary>The desktop's User-Agent, shown on the phone as a short description of the browser.</summary>
    public string? RequesterUserAgent { get; set; }
}
