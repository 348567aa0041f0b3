namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// A form body ASP.NET Core refuses to decode (a NUL byte, <c>%00</c>) sent to a protocol endpoint
/// is the caller's error: OpenIddict reads those forms before MVC, whose model binding answers 400
/// elsewhere, so without this the consent form or the token endpoint answered 500.
/// </summary>
public static class UnreadableProtocolForm
{
    public static IApplicationBuilder UseUnreadableProtocolFormGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ProtocolPaths.IsProtocol(context.Request.Path) && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
                {
                    ["error"] = "invalid_request",
                    ["error_description"] = "The request body cannot be decoded.",
                }, context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    });
}
