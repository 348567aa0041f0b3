using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Controllers;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Per-client-address limits on the forms that check a secret, create an account or send an SMS,
/// on top of the per-account and per-phone rules. With <c>Redis:Configuration</c> set, the count is
/// kept in Redis and shared by every instance (ADR 0009); without it, in each instance's memory
/// (N instances allow N times the limit). If Redis cannot be reached, each instance falls back to
/// its own count and logs a warning, rather than refusing every sign-in in the province. A refusal
/// is a 429 with the Chinese error page, or JSON for the page's script.
/// </summary>
public static class ClientRateLimits
{
    /// <summary>Login, staff login and its code, password change and reset steps.</summary>
    public const string Credentials = "credentials";

    /// <summary>个人注册 and 法人注册 submissions.</summary>
    public const string Registration = "registration";

    /// <summary>Every 获取短信验证码.</summary>
    public const string Sms = "sms";

    /// <summary>A fresh captcha (换一张, 听语音验证码) and each spoken one's audio: a bot fishing for easy ones pays per try.</summary>
    public const string Captcha = "captcha";

    /// <summary>扫码登录: a new code (a row) for the desktop's login page, and each 刷新二维码.</summary>
    public const string QrCode = "qr";

    /// <summary>扫码登录's polling (every two seconds per open login page): generous, an office shares one address.</summary>
    public const string QrPoll = "qr-poll";

    /// <summary>
    /// The OpenID Connect token and revocation endpoints, where client secrets, codes and refresh
    /// tokens are checked; a client system's server sends many. OpenIddict answers a wrong secret
    /// before MVC sees the request, so this one is a global limiter on the paths, ahead of authentication.
    /// </summary>
    public const string Token = "token";

    public const string TooManyMessage = FormMessages.TooManyRequests;

    private static readonly (string Name, int PermitLimit)[] Defaults = [(Credentials, 30), (Registration, 20), (Sms, 20), (Captcha, 60), (QrCode, 60), (QrPoll, 1200)];

    /// <summary>A fixed window per client address, sized by <c>RateLimits:{name}:PermitLimit</c> and <c>…:WindowSeconds</c>.</summary>
    private static Func<HttpContext, RateLimitPartition<string>> PerAddress(IConfiguration configuration, string name, int defaultLimit)
    {
        var limit = configuration.GetValue($"RateLimits:{name}:PermitLimit", defaultLimit);
        var window = TimeSpan.FromSeconds(configuration.GetValue($"RateLimits:{name}:WindowSeconds", 60));
        var local = new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 };
        var shared = !string.IsNullOrWhiteSpace(configuration[SharedRateLimitStore.ConfigurationKey]);
        return context =>
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!shared)
            {
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => local);
            }

            var store = context.RequestServices.GetRequiredService<SharedRateLimitStore>();
            return RateLimitPartition.Get(address, key => store.CreateLimiter($"{name}:{key}", limit, window, local));
        };
    }

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<SharedRateLimitStore>();
        return services.AddRateLimiter(options =>
        {
            foreach (var (name, defaultLimit) in Defaults)
            {
                options.AddPolicy(name, PerAddress(configuration, name, defaultLimit));
            }

            var tokenLimit = PerAddress(configuration, Token, 1200);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ProtocolPaths.IsClientAuthenticated(context.Request.Path) ? tokenLimit(context) : RateLimitPartition.GetNoLimiter(string.Empty));

            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                // A client system reads the protocol's JSON error; the page's script reads JSON; a form
                // post gets the error page (re-executed as /error/429).
                if (ProtocolPaths.IsProtocol(context.HttpContext.Request.Path))
                {
                    await context.HttpContext.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "temporarily_unavailable", ["error_description"] = TooManyMessage }, cancellationToken).ConfigureAwait(false);
                }
                else if (context.HttpContext.Request.WantsJson())
                {
                    await context.HttpContext.Response.WriteAsJsonAsync(new { sent = false, message = TooManyMessage }, cancellationToken).ConfigureAwait(false);
                }
            };
        });
    }
}
