using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// A refresh grant is the token endpoint's most frequent request (issue #24: 4 × Keycloak's rate per
/// core). Its database work is counted here, so a change that adds a statement is seen in review, and
/// rotation is shown to hold: the spent token is refused after the reuse leeway, and so is its successor.
/// </summary>
public abstract class RefreshGrantCostTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory, IFaultyPortal
{
    [Fact]
    public async Task A_refresh_grant_costs_six_statements_and_spends_the_presented_token()
    {
        var (sso, tokens) = await SignedInClientAsync();
        // The background workers (outboxes, retention) use other tables.
        var (refreshed, statements) = await factory.Faults.RecordAsync(
            command => RefreshTables.Any(command.CommandText.Contains),
            () => sso.RefreshAsync(tokens.Get("refresh_token")));

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        // The client, the token, the account, its real-name facts; the redemption; the new refresh token.
        Assert.True(statements.Count == 6, $"{statements.Count} statements:\n" + string.Join("\n---\n", statements));
        Assert.Single(statements, s => s.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal));
        Assert.Single(statements, s => s.TrimStart().StartsWith("INSERT", StringComparison.Ordinal));
        Assert.Equal(["redeemed", "valid"], await RefreshTokenStatusesAsync(sso));
    }

    [Fact]
    public async Task A_spent_refresh_token_is_refused_after_the_reuse_leeway_and_ends_its_successor()
    {
        var (sso, tokens) = await SignedInClientAsync();
        var next = await sso.RefreshAsync(tokens.Get("refresh_token"));
        Assert.Equal(HttpStatusCode.OK, next.Status);

        // OpenIddict accepts a retry for 30 s (a lost answer); after that a second use is a replay.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        try
        {
            Assert.Equal("invalid_grant", (await sso.RefreshAsync(tokens.Get("refresh_token"))).Error);
            Assert.Equal("invalid_grant", (await sso.RefreshAsync(next.Get("refresh_token"))).Error);
        }
        finally
        {
            factory.Clock.Advance(-TimeSpan.FromMinutes(1));
        }
    }

    private static readonly string[] RefreshTables = ["OpenIddict", "AspNetUsers", "ReservedPhoneChanges", "CounterRequests"];

    private async Task<(SsoClient Sso, TokenAnswer Tokens)> SignedInClientAsync()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile offline_access");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return (sso, tokens);
    }

    /// <summary>The client's refresh tokens: the one presented and the one issued for it (the test clock stands still, so no order by date).</summary>
    private async Task<List<string?>> RefreshTokenStatusesAsync(SsoClient sso)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var statuses = await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Application!.ClientId == sso.ClientId && t.Type == OpenIddictConstants.TokenTypeIdentifiers.RefreshToken)
            .Select(t => t.Status)
            .ToListAsync();
        return [.. statuses.Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteRefreshGrantCostTests(FaultySqlitePortalFactory factory) : RefreshGrantCostTests<FaultySqlitePortalFactory>(factory);

public sealed class PostgreSqlRefreshGrantCostTests(FaultyPostgreSqlPortalFactory factory) : RefreshGrantCostTests<FaultyPostgreSqlPortalFactory>(factory);
