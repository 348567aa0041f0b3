using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Agents;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// Every endpoint the portal maps, requested as every kind of visitor. The table below is the
/// expectation; an endpoint missing from it fails the test, so a new route needs a row.
/// Authorization does not depend on the database provider, so this runs on SQLite only.
/// </summary>
public sealed class AuthorizationMatrixTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    private enum Access
    {
        /// <summary>Open to every visitor.</summary>
        Anyone,

        /// <summary>Only in Development: 404 for everyone here.</summary>
        DevelopmentOnly,

        /// <summary>Any signed-in visitor.</summary>
        SignedIn,

        /// <summary>A citizen's or an organisation's own account (我的账号): never staff.</summary>
        Holder,

        /// <summary>经办人管理: the 法人账号, or a person acting for the organisation as its 管理员.</summary>
        OrganisationAdministrator,

        Staff,
        Desk,
        Clerk,
        Supervisor,
        Administrator,
    }

    private sealed record Visitor(string Name, PortalSession Session, string TokenPage, Access[] Grants);

    private static readonly Dictionary<string, Access> Expected = new(StringComparer.Ordinal)
    {
        ["GET "] = Access.Anyone,
        ["GET agreement"] = Access.Anyone,
        ["GET privacy"] = Access.Anyone,
        ["GET accessibility"] = Access.Anyone,
        ["GET contact"] = Access.Anyone,
        ["GET halls"] = Access.Anyone,
        ["GET captcha/{token}"] = Access.Anyone,
        ["GET captcha/{token}/audio"] = Access.Anyone,
        ["POST captcha/new"] = Access.Anyone,
        ["GET dev/sms"] = Access.DevelopmentOnly,
        ["ANY error/{status:int}"] = Access.Anyone,
        ["ANY healthz"] = Access.Anyone,
        ["ANY readyz"] = Access.Anyone,
        ["GET guide/faq"] = Access.Anyone,
        ["GET guide/materials"] = Access.Anyone,
        ["GET guide/templates"] = Access.Anyone,
        ["GET guide/templates/{appendix:int}"] = Access.Anyone,
        ["GET guide/templates/{appendix:int}.docx"] = Access.Anyone,
        ["GET account/register"] = Access.Anyone,
        ["POST account/register"] = Access.Anyone,
        ["POST account/register/sms"] = Access.Anyone,
        ["GET account/register/legal"] = Access.Anyone,
        ["POST account/register/legal"] = Access.Anyone,
        ["POST account/register/legal/sms"] = Access.Anyone,
        ["GET account/register/legal/awaiting-counter"] = Access.Anyone,
        ["GET account/login"] = Access.Anyone,
        ["POST account/login"] = Access.Anyone,
        ["GET account/login/sms"] = Access.Anyone,
        ["POST account/login/sms"] = Access.Anyone,
        ["POST account/login/sms/send"] = Access.Anyone,
        ["POST qr/new"] = Access.Anyone,
        ["GET qr/{id}/status"] = Access.Anyone,
        ["POST qr/{id}/complete"] = Access.Anyone,
        ["GET qr/{id}"] = Access.Holder,
        ["POST qr/{id}/confirm"] = Access.Holder,
        ["POST qr/{id}/cancel"] = Access.Holder,
        ["POST account/login/passkey/options"] = Access.Anyone,
        ["POST account/login/passkey"] = Access.Anyone,
        ["GET account/forgot"] = Access.Anyone,
        ["POST account/forgot"] = Access.Anyone,
        ["POST account/forgot/sms"] = Access.Anyone,
        ["POST account/forgot/reset"] = Access.Anyone,
        ["GET account/second-factor"] = Access.Holder,
        ["POST account/second-factor"] = Access.Anyone,
        ["POST account/second-factor/sms"] = Access.Anyone,
        ["GET my"] = Access.Holder,
        ["POST my/password"] = Access.Holder,
        ["POST my/phone/sms-old"] = Access.Holder,
        ["POST my/phone/sms-new"] = Access.Holder,
        ["POST my/phone"] = Access.Holder,
        ["POST my/sign-out-others"] = Access.Holder,
        ["GET my/sign-ins"] = Access.Holder,
        ["POST my/sign-ins/{id}/end"] = Access.Holder,
        ["GET my/second-factor"] = Access.Holder,
        ["POST my/second-factor/enable"] = Access.Holder,
        ["POST my/second-factor/disable"] = Access.Holder,
        ["POST my/second-factor/recovery-codes"] = Access.Holder,
        ["POST my/second-factor/sms"] = Access.Holder,
        ["GET my/passkeys"] = Access.Holder,
        ["GET account/privacy"] = Access.Holder,
        ["POST account/privacy"] = Access.Holder,
        ["GET my/data"] = Access.Holder,
        ["POST my/data"] = Access.Holder,
        ["POST my/data/{id}/download"] = Access.Holder,
        ["POST my/data/{id}/print"] = Access.Holder,
        ["GET my/data/views"] = Access.Holder,
        ["POST my/passkeys/options"] = Access.Holder,
        ["POST my/passkeys"] = Access.Holder,
        ["POST my/passkeys/{id}/rename"] = Access.Holder,
        ["POST my/passkeys/{id}/remove"] = Access.Holder,
        ["GET my/closing"] = Access.Holder,
        ["POST my/closing/sms"] = Access.Holder,
        ["POST my/closing"] = Access.Holder,
        ["GET account/closing"] = Access.Holder,
        ["POST account/closing/cancel"] = Access.Holder,
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
        ["GET counter/clients"] = Access.Administrator,
        ["GET counter/clients/new"] = Access.Administrator,
        ["POST counter/clients/new"] = Access.Administrator,
        ["GET counter/clients/{clientId}"] = Access.Administrator,
        ["POST counter/clients/{clientId}"] = Access.Administrator,
        ["POST counter/clients/{clientId}/secret"] = Access.Administrator,
        ["POST counter/clients/{clientId}/remove"] = Access.Administrator,
        ["POST my/consents/{id}/withdraw"] = Access.Holder,
        ["POST my/invitations/{id:guid}/accept"] = Access.Holder,
        ["POST my/invitations/{id:guid}/decline"] = Access.Holder,
        ["GET my/acting"] = Access.Holder,
        ["POST my/acting"] = Access.Holder,
        ["GET my/agents"] = Access.OrganisationAdministrator,
        ["POST my/agents"] = Access.OrganisationAdministrator,
        ["GET my/agents/{id:guid}"] = Access.OrganisationAdministrator,
        ["POST my/agents/{id:guid}"] = Access.OrganisationAdministrator,
        ["POST my/agents/{id:guid}/withdraw"] = Access.OrganisationAdministrator,
        ["GET my/agents/activity"] = Access.OrganisationAdministrator,

        // OpenID Connect protocol endpoints: open to every caller, guarded by the protocol itself
        // (OpenIddict answers 400/401 to a request without a valid client or token; SingleSignOnTests).
        ["GET connect/authorize"] = Access.Anyone,
        ["POST connect/authorize"] = Access.Anyone,
        ["POST connect/token"] = Access.Anyone,
        ["GET connect/userinfo"] = Access.Anyone,
        ["POST connect/userinfo"] = Access.Anyone,
        ["GET connect/logout"] = Access.Anyone,
        ["POST connect/logout"] = Access.Anyone,
    };

    /// <summary>These end the session they are requested with: each gets fresh visitors.</summary>
    private static readonly Dictionary<string, Access> SessionEnding = new(StringComparer.Ordinal)
    {
        ["POST account/logout"] = Access.SignedIn,
        ["POST counter/logout"] = Access.Staff,
        ["GET counter/password"] = Access.Staff,
        ["POST counter/password"] = Access.Staff,
    };

    [Fact]
    public void Every_mapped_endpoint_has_a_row_in_the_table()
    {
        var mapped = PortalRoutes();
        var listed = Expected.Keys.Concat(SessionEnding.Keys).ToList();
        Assert.Empty(mapped.Except(listed));
        Assert.Empty(listed.Except(mapped));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_visitor_as_the_table_says()
    {
        var wrong = new List<string>();
        var count = await CheckAsync(await VisitorsAsync(), Expected, wrong);
        foreach (var route in SessionEnding)
        {
            count += await CheckAsync(await VisitorsAsync(), new Dictionary<string, Access> { [route.Key] = route.Value }, wrong);
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {count} answers differ:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
        Assert.Equal(Kinds * (Expected.Count + SessionEnding.Count), count);
        Console.WriteLine($"Suite count: authorization matrix, {count} requests ({Expected.Count + SessionEnding.Count} endpoints × {Kinds} kinds of visitor), all as expected.");
    }

    private const int Kinds = 8;

    private async Task<List<Visitor>> VisitorsAsync() =>
    [
        new("anonymous", factory.NewSession(), "/account/login", []),
        new("person", (await factory.RegisteredCitizenAsync()).Session, "/my", [Access.SignedIn, Access.Holder]),
        new("organisation", (await factory.RegisteredOrganisationAsync()).Session, "/my", [Access.SignedIn, Access.Holder, Access.OrganisationAdministrator]),
        new("person acting as 管理员", await ActingAsync(AgentRole.Administrator), "/my", [Access.SignedIn, Access.Holder, Access.OrganisationAdministrator]),
        new("person acting as 经办人", await ActingAsync(AgentRole.Agent), "/my", [Access.SignedIn, Access.Holder]),
        new("clerk", (await factory.SignedInStaffAsync(StaffRole.Clerk)).Session, "/counter", [Access.SignedIn, Access.Staff, Access.Desk, Access.Clerk]),
        new("supervisor", (await factory.SignedInStaffAsync(StaffRole.Supervisor)).Session, "/counter", [Access.SignedIn, Access.Staff, Access.Desk, Access.Supervisor]),
        new("administrator", (await factory.SignedInStaffAsync(StaffRole.Administrator)).Session, "/counter", [Access.SignedIn, Access.Staff, Access.Administrator]),
    ];

    /// <summary>A citizen whose session acts for an organisation in the role.</summary>
    private async Task<PortalSession> ActingAsync(AgentRole role) =>
        (await factory.ActingCitizenAsync((await factory.RegisteredOrganisationAsync()).Organisation, role)).Session;

    private static async Task<int> CheckAsync(List<Visitor> visitors, Dictionary<string, Access> routes, List<string> wrong)
    {
        var count = 0;
        foreach (var visitor in visitors)
        {
            var token = CounterDeskSteps.Token(await visitor.Session.GetPageAsync(visitor.TokenPage));
            foreach (var (route, access) in routes)
            {
                var outcome = await RequestAsync(visitor.Session, route, token);
                var expected = access switch
                {
                    Access.Anyone => "allowed",
                    Access.DevelopmentOnly => "not found",
                    _ when visitor.Name == "anonymous" => "login",
                    _ when visitor.Grants.Contains(access) => "allowed",
                    _ => "forbidden",
                };
                count++;
                if (outcome != expected)
                {
                    wrong.Add($"{visitor.Name} {route}: expected {expected}, got {outcome}");
                }
            }
        }

        return count;
    }

    private static async Task<string> RequestAsync(PortalSession session, string route, string token)
    {
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        var path = "/" + template
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{position:int}", "1", StringComparison.Ordinal)
            .Replace("{token}", "not-a-token", StringComparison.Ordinal)
            .Replace("{appendix:int}", "1", StringComparison.Ordinal)
            .Replace("{status:int}", "404", StringComparison.Ordinal)
            .Replace("{clientId}", "no-such-client", StringComparison.Ordinal)
            .Replace("{id}", "no-such-consent", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method == "POST" ? HttpMethod.Post : HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
        }

        using var response = await session.Client.SendAsync(request);
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        return (int)response.StatusCode >= 500 && !path.EndsWith("readyz", StringComparison.Ordinal) ? $"error {(int)response.StatusCode}"
            : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/login?", StringComparison.Ordinal) && location.Contains("eturnUrl=", StringComparison.Ordinal) ? "login"
            : response.StatusCode == HttpStatusCode.Forbidden ? "forbidden"
            : response.StatusCode == HttpStatusCode.NotFound && path == "/dev/sms" ? "not found"
            : "allowed";
    }

    /// <summary>Every route endpoint of the portal (the tests' own probe controllers excluded).</summary>
    private List<string> PortalRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo.Assembly != typeof(AuthorizationMatrixTests).Assembly)
            .Where(e => e.RoutePattern.RawText is not null && !e.RoutePattern.RawText.Contains("{controller", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();
}
