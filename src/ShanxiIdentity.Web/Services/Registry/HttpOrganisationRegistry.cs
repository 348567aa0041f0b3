namespace ShanxiIdentity.Web.Services.Registry;

/// <summary>
/// Asks a registry gateway (<c>Registry:Gateway:Endpoint</c>): POST <c>{ creditCode }</c>, answer
/// <c>{ "found": true, "name": …, "legalRepresentative": … }</c> or <c>{ "found": false }</c>.
/// </summary>
public sealed partial class HttpOrganisationRegistry(HttpClient http, ILogger<HttpOrganisationRegistry> logger) : IOrganisationRegistry
{
    public const string EndpointKey = "Registry:Gateway:Endpoint";
    public const string ApiKeyKey = "Registry:Gateway:ApiKey";

    public async Task<RegistryAnswer> LookUpAsync(string creditCode, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(string.Empty, new { creditCode }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
                return new RegistryAnswer(RegistryOutcome.Unavailable);
            }

            var answer = await response.Content.ReadFromJsonAsync<GatewayAnswer>(cancellationToken).ConfigureAwait(false);
            return answer switch
            {
                { Found: false } => new RegistryAnswer(RegistryOutcome.NotFound),
                { Found: true, Name: { Length: > 0 } name, LegalRepresentative: { Length: > 0 } representative } =>
                    new RegistryAnswer(RegistryOutcome.Found, new RegisteredOrganisation(name, representative)),
                _ => new RegistryAnswer(RegistryOutcome.Unavailable),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            LogUnreachable(logger, ex);
            return new RegistryAnswer(RegistryOutcome.Unavailable);
        }
    }

    private sealed record GatewayAnswer(bool? Found, string? Name, string? LegalRepresentative);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Registry gateway answered {Status}")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Registry gateway unreachable or answered nonsense")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
