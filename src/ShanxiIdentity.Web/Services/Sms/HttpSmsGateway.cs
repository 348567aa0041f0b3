namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>Posts <c>{ phone, text }</c> as JSON to <c>Sms:Gateway:Endpoint</c>; any 2xx is accepted.</summary>
public sealed partial class HttpSmsGateway(HttpClient http, ILogger<HttpSmsGateway> logger) : ISmsGateway
{
    public const string EndpointKey = "Sms:Gateway:Endpoint";
    public const string ApiKeyKey = "Sms:Gateway:ApiKey";

    public async Task<bool> DeliverAsync(string phone, string text, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(string.Empty, new { phone, text }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, ex);
            return false;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "SMS gateway refused a message with status {Status}")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "SMS gateway unreachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
