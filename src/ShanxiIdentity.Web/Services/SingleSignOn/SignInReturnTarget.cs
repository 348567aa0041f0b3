using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// Where a login that returns to an authorization request will end: the client system's address,
/// when the request names a registered client and one of its registered addresses. The login page
/// lets its form lead there (see <see cref="SecurityHeaders.AllowFormActionTo"/>).
/// </summary>
public static class SignInReturnTarget
{
    public static async Task AllowReturnToClientAsync(this HttpContext context, string? returnUrl)
    {
        if (await FindClientAsync(context, returnUrl) is { } client)
        {
            SecurityHeaders.AllowFormActionTo(context, client.Target);
        }
    }

    /// <summary>
    /// The name of the client system a person arrived from, when the return URL is its authorization
    /// request to one of its registered addresses: the login and registration pages say who will
    /// receive them back, as the consent page does.
    /// </summary>
    public static async Task<string?> ArrivingClientNameAsync(this HttpContext context, string? returnUrl) =>
        await FindClientAsync(context, returnUrl) is { } client ? client.Name : null;

    private static async Task<(string Name, Uri Target)?> FindClientAsync(HttpContext context, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (returnUrl is null || !returnUrl.StartsWith(ProtocolPaths.Authorize + "?", StringComparison.Ordinal))
        {
            return null;
        }

        // Resolved only here: the login page of an ordinary visit builds no OpenIddict manager.
        var applications = context.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();

        var query = QueryHelpers.ParseQuery(returnUrl[ProtocolPaths.Authorize.Length..]);
        var redirectUri = query[OpenIddictConstants.Parameters.RedirectUri].ToString();
        if (await applications.FindByClientIdAsync(query[OpenIddictConstants.Parameters.ClientId].ToString(), context.RequestAborted) is { } application
            && Uri.TryCreate(redirectUri, UriKind.Absolute, out var target)
            && await applications.ValidateRedirectUriAsync(application, redirectUri, context.RequestAborted))
        {
            var name = await applications.GetDisplayNameAsync(application, context.RequestAborted) ?? string.Empty;
            return (name, target);
        }

        return null;
    }
}
