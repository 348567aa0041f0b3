namespace ShanxiIdentity.Web.Services.RealName;

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
