using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.RealName;

public enum RealNameOutcome
{
    Verified,
    Mismatch,
    Unavailable,
}

/// <summary>实名核验: does this 姓名 belong to this 身份证号?</summary>
public interface IRealNameVerifier
{
    Task<RealNameOutcome> VerifyAsync(string name, string residentIdNumber, CancellationToken cancellationToken);
}

/// <summary>The default: the local resident registry, filled by <c>import-residents</c>.</summary>
public sealed class LocalResidentRegistry(PortalDbContext db) : IRealNameVerifier
{
    public async Task<RealNameOutcome> VerifyAsync(string name, string residentIdNumber, CancellationToken cancellationToken)
    {
        // Every stored form of the number, so a rotation in progress does not hide a resident.
        var forms = ShanxiIdentity.Data.Protection.PersonalData.LookupForms(residentIdNumber);
        var registered = await db.Residents.AsNoTracking()
            .Where(r => forms.Contains(r.ResidentIdNumber))
            .Select(r => r.Name)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return registered == name ? RealNameOutcome.Verified : RealNameOutcome.Mismatch;
    }
}

/// <summary>
/// Asks a verification gateway (<c>RealName:Gateway:Endpoint</c>): POST <c>{ name, idNumber }</c>,
/// answer <c>{ "match": true|false }</c>. Anything else counts as unavailable, never as verified.
/// </summary>
public sealed partial class HttpRealNameVerifier(HttpClient http, ILogger<HttpRealNameVerifier> logger) : IRealNameVerifier
{
    public const string EndpointKey = "RealName:Gateway:Endpoint";
    public const string ApiKeyKey = "RealName:Gateway:ApiKey";

    public async Task<RealNameOutcome> VerifyAsync(string name, string residentIdNumber, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(string.Empty, new { name, idNumber = residentIdNumber }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
                return RealNameOutcome.Unavailable;
            }

            var answer = await response.Content.ReadFromJsonAsync<GatewayAnswer>(cancellationToken).ConfigureAwait(false);
            return answer?.Match switch
            {
                true => RealNameOutcome.Verified,
                false => RealNameOutcome.Mismatch,
                null => RealNameOutcome.Unavailable,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            LogUnreachable(logger, ex);
            return RealNameOutcome.Unavailable;
        }
    }

    private sealed record GatewayAnswer(bool? Match);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Real-name gateway answered {Status}")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Real-name gateway unreachable or answered nonsense")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
