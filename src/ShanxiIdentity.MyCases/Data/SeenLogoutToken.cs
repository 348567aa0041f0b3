namespace ShanxiIdentity.MyCases.Data;

/// <summary>The <c>jti</c> of every logout token accepted, until it expires: the same token twice is a replay.</summary>
public class SeenLogoutToken
{
    public required string JwtId { get; set; }

    public DateTime ExpiresAt { get; set; }
}
