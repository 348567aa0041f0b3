using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// The client systems' back-channel logout endpoints, all in this process (an HttpListener on
/// loopback): it reads each logout token's <c>sub</c> (the client's pairwise subject, learned from the
/// id_token at sign-in) and tells the signed-out person's worker when all its tokens have come.
/// </summary>
internal sealed class LogoutReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _accountOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Expected> _waiting = new();
    private int _strays;

    private LogoutReceiver(int port)
    {
        Address = new Uri($"http://127.0.0.1:{port}/backchannel/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public Uri Address { get; }

    /// <summary>Tokens that came for nobody waiting (late after a timeout, or never expected).</summary>
    public int Strays => _strays;

    public static LogoutReceiver Start() => new(ServerProcess.FreePort());

    public Uri ClientAddress(int client) => new(Address, $"client-{client}");

    /// <summary>The account behind a client's pairwise subject.</summary>
    public void Learn(string subject, int account) => _accountOf[subject] = account;

    /// <summary>Before the sign-out: this account's next <paramref name="count"/> tokens are awaited.</summary>
    public Expected Expect(int account, int count) => _waiting[account] = new Expected(count);

    public void Forget(int account) => _waiting.TryRemove(account, out _);

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var token = QueryHelpers.ParseQuery(await reader.ReadToEndAsync().ConfigureAwait(false))["logout_token"].ToString();
                var subject = token.Split('.') is [_, var payload, _]
                    ? JsonDocument.Parse(WebEncoders.Base64UrlDecode(payload)).RootElement.GetProperty("sub").GetString()
                    : null;
                if (subject is null || !_accountOf.TryGetValue(subject, out var account) || !_waiting.TryGetValue(account, out var expected) || !expected.Arrived())
                {
                    Interlocked.Increment(ref _strays);
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    /// <summary>The tokens one sign-out should bring: done (with the time of the last) when all have come.</summary>
    internal sealed class Expected(int count)
    {
        private readonly TaskCompletionSource<long> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        /// <summary>The <see cref="Stopwatch"/> timestamp of the last token, or null when they did not all come in time.</summary>
        public async Task<long?> AllAsync(TimeSpan timeout)
        {
            try
            {
                return await _all.Task.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        public bool Arrived()
        {
            var left = Interlocked.Decrement(ref _remaining);
            if (left == 0)
            {
                _all.TrySetResult(Stopwatch.GetTimestamp());
            }

            return left >= 0;
        }
    }
}
