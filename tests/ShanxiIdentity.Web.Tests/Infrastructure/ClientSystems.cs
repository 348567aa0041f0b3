using System.Collections.Concurrent;
using System.Net;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// The client systems the portal POSTs back-channel logout tokens to, played by the test: every host
/// under <c>.example.gov.cn</c> (SsoClient's) answers here, as the test set it (200 by default, an HTTP
/// error, or unreachable), and its received tokens are kept. Any other address (a sample on a real port)
/// is called for real.
/// </summary>
public sealed class ClientSystems : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpResponseMessage>> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Host, string Token)> _received = new();

    public ClientSystems() : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>The tokens a client system's host received, oldest first.</summary>
    public IReadOnlyList<string> ReceivedBy(string host) => [.. _received.Where(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase)).Select(r => r.Token)];

    public void Answer(string host, HttpStatusCode status) => _answers[host] = () => new HttpResponseMessage(status);

    public void Unreachable(string host) => _answers[host] = () => throw new HttpRequestException("Connection refused (test: the client system is down)");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri!.Host;
        if (!host.EndsWith(".example.gov.cn", StringComparison.OrdinalIgnoreCase))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var answer = _answers.GetValueOrDefault(host, () => new HttpResponseMessage(HttpStatusCode.OK))();
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
        _received.Enqueue((host, form["logout_token"].ToString()));
        return answer;
    }
}
