using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for an external government gateway (SMS, real-name check): a real HTTP server on a
/// loopback port that records what it receives and answers what the test tells it to.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public ConcurrentQueue<string?> ApiKeys { get; } = new();

    /// <summary>What the gateway answers: a status code and a JSON body.</summary>
    public Func<JsonElement, (int Status, object Body)> Answer { get; set; } = _ => (200, new { ok = true });

    public Uri Address => new(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.MapPost("/", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            gateway.Received.Enqueue(body);
            gateway.ApiKeys.Enqueue(context.Request.Headers["X-Api-Key"].FirstOrDefault());
            var (status, answer) = gateway.Answer(body);
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(answer);
        });
        await app.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
