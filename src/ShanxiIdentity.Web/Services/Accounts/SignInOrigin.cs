using System.Security.Cryptography;
using ShanxiIdentity.Domain.Sessions;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Where a sign-in comes from, as its session row keeps it: the client's address masked, the
/// browser's short name, and the hash of the browser's long-lived random key (the cookie
/// <see cref="KeyCookie"/>, set here when the browser has none).
/// </summary>
public sealed class SignInOrigin(IHttpContextAccessor http)
{
    public const string KeyCookie = "shanxi.browser";

    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(365);

    /// <summary>32 random bytes (256 bits), base64url without padding: 43 characters.</summary>
    private const int KeyBytes = 32;

    public string? MaskedAddress => Domain.Sessions.MaskedAddress.Of(http.HttpContext?.Connection.RemoteIpAddress);

    public string Browser => BrowserDescription.Describe(http.HttpContext?.Request.Headers.UserAgent.ToString());

    /// <summary>
    /// SHA-256 (hex) of this browser's key; a browser without one (or with one the portal did not
    /// make) is given a new key, so it counts as a new browser once. Null outside a request.
    /// </summary>
    public string? BrowserKeyHash()
    {
        if (http.HttpContext is not { } context)
        {
            return null;
        }

        // A sign-in retried within the request (an execution strategy's retry) keeps the key it was given.
        var key = context.Items[KeyCookie] as string ?? context.Request.Cookies[KeyCookie];
        if (key is null || !IsWellFormed(key))
        {
            key = Base64Url(RandomNumberGenerator.GetBytes(KeyBytes));
            context.Items[KeyCookie] = key;
            // HttpOnly, SameSite=Lax and Secure (outside Development) also by the portal's cookie policy.
            context.Response.Cookies.Append(KeyCookie, key, new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = KeyLifetime,
                IsEssential = true,
                Path = "/",
            });
        }

        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(key)));
    }

    private static bool IsWellFormed(string key) =>
        key.Length == 43 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
