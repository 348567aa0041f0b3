using Microsoft.AspNetCore.Identity;
using QRCoder;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The key an authenticator app is bound with (staff at their first sign-in, people on 两步验证): the
/// account's key, made when it has none, shown to type and as an <c>otpauth://</c> QR code.
/// </summary>
public sealed class AuthenticatorKeys(UserManager<Account> users, IUserStore<Account> store)
{
    private const string Issuer = "山西政务服务网统一身份认证";

    public async Task<AuthenticatorSetup> SetupAsync(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = await users.GetAuthenticatorKeyAsync(account).ConfigureAwait(false);
        if (string.IsNullOrEmpty(key))
        {
            // Not Identity's ResetAuthenticatorKeyAsync: that renews the security stamp, which would end
            // the session of a person merely opening 两步验证. A key nobody has bound yet changes nothing.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<Account>)store).SetAuthenticatorKeyAsync(account, key, CancellationToken.None).ConfigureAwait(false);
            await users.UpdateAsync(account).ConfigureAwait(false);
        }

        var formatted = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return new AuthenticatorSetup(key, formatted, "data:image/png;base64," + Convert.ToBase64String(png), uri);
    }
}
