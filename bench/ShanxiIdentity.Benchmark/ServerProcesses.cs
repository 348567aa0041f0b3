namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Every server a run started, stopped together, also when the run fails half way: a crashed run
/// once left five portals running, whose file watchers used up the machine's inotify instances.
/// </summary>
internal sealed class ServerProcesses : IAsyncDisposable
{
    private readonly List<ServerProcess> _running = [];

    public ServerProcess Add(ServerProcess server)
    {
        _running.Add(server);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _running)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        _running.Clear();
    }
}
