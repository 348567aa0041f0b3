using System.Net;
using Npgsql;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Data;

/// <summary>/readyz tells the load balancer the truth about the database, and recovers by itself.</summary>
public sealed class ReadinessTests(PostgreSqlPortalFactory factory) : IClassFixture<PostgreSqlPortalFactory>
{
    [Fact]
    public async Task Readiness_fails_while_the_database_is_gone_and_recovers_when_it_returns()
    {
        var client = factory.CreateClient();
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var name = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        await TestPostgres.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.ExecuteAsync($"ALTER DATABASE \"{name}\" RENAME TO \"{name}_away\"");
        try
        {
            using var gone = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            await TestPostgres.ExecuteAsync($"ALTER DATABASE \"{name}_away\" RENAME TO \"{name}\"");
        }

        using var back = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
