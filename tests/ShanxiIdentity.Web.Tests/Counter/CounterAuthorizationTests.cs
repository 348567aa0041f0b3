using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>
/// Every route of the staff area, requested as every kind of visitor. The table below is the
/// expectation; a counter route that is not in it fails the test, so a new route needs a row.
/// Authorization does not depend on the database provider, so this runs on SQLite only.
/// </summary>
public sealed class CounterAuthorizationTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    private enum Access
    {
        Anyone,
        Staff,
        Desk,
        Clerk,
        Supervisor,
        Administrator,
    }

    private static readonly Dictionary<string, Access> Expected = new(StringComparer.Ordinal)
    {
        ["GET counter/login"] = Access.Anyone,
        ["POST counter/login"] = Access.Anyone,
        ["POST counter/login/code"] = Access.Anyone,
        ["POST counter/login/enrol"] = Access.Anyone,
        ["GET counter"] = Access.Staff,
        ["GET counter/accounts"] = Access.Desk,
        ["GET counter/accounts/{id:guid}"] = Access.Desk,
        ["POST counter/accounts/{id:guid}/reveal"] = Access.Desk,
        ["GET counter/requests"] = Access.Desk,
        ["GET counter/requests/new"] = Access.Clerk,
        ["POST counter/requests/new"] = Access.Clerk,
        ["GET counter/requests/{id:guid}"] = Access.Desk,
        ["POST counter/requests/{id:guid}/reveal"] = Access.Desk,
        ["POST counter/requests/{id:guid}/materials/{position:int}/check"] = Access.Clerk,
        ["POST counter/requests/{id:guid}/materials/{position:int}/scan"] = Access.Clerk,
        ["GET counter/requests/{id:guid}/materials/{position:int}/scan"] = Access.Desk,
        ["POST counter/requests/{id:guid}/submit"] = Access.Clerk,
        ["POST counter/requests/{id:guid}/approve"] = Access.Supervisor,
        ["POST counter/requests/{id:guid}/reject"] = Access.Supervisor,
        ["GET counter/staff"] = Access.Administrator,
        ["GET counter/staff/new"] = Access.Administrator,
        ["POST counter/staff/new"] = Access.Administrator,
        ["POST counter/staff/{id:guid}/roles"] = Access.Administrator,
        ["POST counter/staff/{id:guid}/reset"] = Access.Administrator,
        ["GET counter/audit"] = Access.Administrator,
        ["GET counter/audit/export"] = Access.Administrator,

        // Last: it ends the session it is requested with.
        ["POST counter/logout"] = Access.Staff,
    };

    [Fact]
    public void Every_counter_route_has_a_row_in_the_table()
    {
        var mapped = CounterRoutes();
        Assert.Empty(mapped.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(mapped));
    }

    [Fact]
    public async Task Every_counter_route_answers_each_kind_of_visitor_as_the_table_says()
    {
        var visitors = new List<(string Name, PortalSession Session, string TokenPage, Access[] Grants)>
        {
            ("anonymous", factory.NewSession(), "/counter/login", []),
            ("person", (await factory.RegisteredCitizenAsync()).Session, "/my", []),
            ("organisation", (await factory.RegisteredOrganisationAsync()).Session, "/my", []),
            ("clerk", (await factory.SignedInStaffAsync(StaffRole.Clerk)).Session, "/counter", [Access.Staff, Access.Desk, Access.Clerk]),
            ("supervisor", (await factory.SignedInStaffAsync(StaffRole.Supervisor)).Session, "/counter", [Access.Staff, Access.Desk, Access.Supervisor]),
            ("administrator", (await factory.SignedInStaffAsync(StaffRole.Administrator)).Session, "/counter", [Access.Staff, Access.Administrator]),
        };

        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var (name, session, tokenPage, grants) in visitors)
        {
            var token = CounterDeskSteps.Token(await session.GetPageAsync(tokenPage));
            foreach (var (route, access) in Expected)
            {
                var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
                var path = "/" + template.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{position:int}", "1", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
                }

                using var response = await session.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().StartsWith("/counter/login?returnUrl=", StringComparison.Ordinal);
                var outcome = status >= 500 ? "error"
                    : toLogin ? "login"
                    : response.StatusCode == HttpStatusCode.Forbidden ? "forbidden"
                    : "allowed";
                var expected = access == Access.Anyone ? "allowed"
                    : name == "anonymous" ? "login"
                    : grants.Contains(access) ? "allowed"
                    : "forbidden";
                checkedCount++;
                if (outcome != expected)
                {
                    wrong.Add($"{name} {route}: expected {expected}, got {outcome} ({status})");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {checkedCount} answers differ:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
        Assert.Equal(visitors.Count * Expected.Count, checkedCount);
    }

    private List<string> CounterRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("counter", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();
}
