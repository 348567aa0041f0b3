using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Services.PersonalInformation;
using ShanxiIdentity.Web.Services.Retention;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Tests.Privacy;

/// <summary>
/// 下载我的信息 and 谁查看了我的信息 (#23): the copy holds the person's data and nobody else's, is
/// handed out once per format after the current password and not after it expires; looks by staff
/// show role and hall, never the name; a client receiving the ID number is listed once per sign-in.
/// </summary>
public abstract class PersonalDataTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Hall = "太原市政务服务中心";

    [Fact]
    public async Task The_copy_holds_the_persons_data_and_nobody_elses_and_is_handed_out_once()
    {
        // Two people who share a client system's consent and a clerk's attention.
        var client = await SsoClient.RegisterAsync(factory, [Scopes.OpenId, Scopes.Profile, Scopes.Phone, SsoScopesIdNumber], fullPhone: true);
        var (alice, aliceSession) = await factory.RegisteredCitizenAsync();
        var (bob, bobSession) = await factory.RegisteredCitizenAsync();
        foreach (var session in new[] { aliceSession, bobSession })
        {
            var request = client.AuthorizeRequest("openid profile phone id_number");
            var (code, _) = await client.SignInAsync(session, request);
            Assert.Equal(HttpStatusCode.OK, (await client.RedeemAsync(code, request.Verifier)).Status);
        }

        var (member, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        foreach (var person in new[] { alice, bob })
        {
            await clerk.SubmitAsync(await clerk.GetPageAsync(await clerk.FindAccountAsync(person.IdNumber)), await clerk.FindAccountAsync(person.IdNumber) + "/reveal", new Dictionary<string, string?>());
        }

        // A hall request about Alice that Bob brought as her agent: hers, but his name and number are not.
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(alice.IdNumber))}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = Citizen.NewPhone(),
            ["ByAgent"] = "true",
            ["AgentName"] = bob.Name,
            ["AgentIdNumber"] = bob.IdNumber,
            ["LetterDate"] = Domain.Identifiers.ChinaTime.Today(factory.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.StartsWith("/counter/requests/", opened.Location, StringComparison.Ordinal);

        // An organisation that made Alice its 经办人.
        var (organisation, organisationSession) = await factory.RegisteredOrganisationAsync();
        await factory.GrantAgentAsync(organisation, alice);

        var page = await aliceSession.GetPageAsync("/my/data");
        var requested = await aliceSession.SubmitAsync(page, "/my/data", new Dictionary<string, string?>());
        Assert.Equal("/my/data", requested.Location);
        page = await aliceSession.GetPageAsync("/my/data");
        Assert.NotNull(page.QuerySelector("[data-export-status=ready]"));
        var action = page.QuerySelector("form[action^='/my/data/'][action$='/download']")!.GetAttribute("action")!;

        var wrong = await aliceSession.SubmitAsync(page, action, new Dictionary<string, string?> { ["Form.CurrentPassword"] = "Wrong#2026pw" });
        Assert.Equal(PrivacyMessages.ExportPasswordWrong, wrong.FieldError("Form_CurrentPassword"));

        using var file = await PostAsync(aliceSession, page, action, alice.Password);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        var text = await file.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        Assert.Equal(PersonalDataSnapshot.SchemaVersion, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(alice.IdNumber, json.RootElement.GetProperty("person").GetProperty("residentIdNumber").GetString());
        Assert.Equal(alice.Phone, json.RootElement.GetProperty("account").GetProperty("reservedPhone").GetString());
        Assert.Single(json.RootElement.GetProperty("consents").EnumerateArray());
        var hallRequest = Assert.Single(json.RootElement.GetProperty("counterRequests").EnumerateArray());
        Assert.True(hallRequest.GetProperty("byAgent").GetBoolean());
        Assert.Equal("窗口人员", hallRequest.GetProperty("openedBy").GetString());
        Assert.Contains(json.RootElement.GetProperty("auditEvents").EnumerateArray(), e => e.GetProperty("action").GetString() == AuditAction.DisplayName(AuditAction.CounterRevealed));
        foreach (var other in new[] { bob.IdNumber, bob.Phone, member.LoginName }.Concat(bob.Name == alice.Name ? [] : [bob.Name]))
        {
            Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("PasswordHash", text, StringComparison.OrdinalIgnoreCase);

        // Once: the same copy is not handed out again, on this or any instance (the row says taken).
        var again = await aliceSession.SubmitAsync(page, action, new Dictionary<string, string?> { ["Form.CurrentPassword"] = alice.Password });
        Assert.True(again.Location == "/my/data", $"{again.Status} {again.Location} {string.Join(" | ", again.Errors)}");
        var printed = await aliceSession.SubmitAsync(page, action, new Dictionary<string, string?> { ["Form.CurrentPassword"] = alice.Password }, postTo: action.Replace("/download", "/print", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, printed.Status);
        Assert.Contains(alice.IdNumber, printed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(bob.IdNumber, printed.Body, StringComparison.Ordinal);
        var id = await factory.PersonIdAsync(alice);
        Assert.Null(await factory.QueryAsync(db => db.PersonalDataExports.Where(e => e.AccountId == id).Select(e => e.SealedContent).SingleAsync()));
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.PersonalDataDownloaded)));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.PersonalDataRequested)));

        // The organisation's copy: its own record in full, its 经办人 by a masked name only.
        var organisationText = await DownloadAsync(organisationSession, organisation.Password);
        using var organisationJson = JsonDocument.Parse(organisationText);
        Assert.Equal(organisation.CreditCode, organisationJson.RootElement.GetProperty("legalEntity").GetProperty("creditCode").GetString());
        Assert.Single(organisationJson.RootElement.GetProperty("agentAuthorizations").GetProperty("asOrganisation").EnumerateArray());
        foreach (var other in new[] { alice.IdNumber, alice.Phone, bob.IdNumber }) // (names come from a small pool: the representative may share one)
        {
            Assert.DoesNotContain(other, organisationText, StringComparison.Ordinal);
        }
    }

    /// <summary>Requests a copy and downloads its JSON file with the password.</summary>
    private static async Task<string> DownloadAsync(PortalSession session, string password)
    {
        await session.SubmitAsync(await session.GetPageAsync("/my/data"), "/my/data", new Dictionary<string, string?>());
        var page = await session.GetPageAsync("/my/data");
        var action = page.QuerySelector("form[action$='/download']")!.GetAttribute("action")!;
        using var file = await PostAsync(session, page, action, password);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        return await file.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Who_looked_shows_staff_by_role_and_hall_and_clients_that_received_the_id_number_once_per_sign_in()
    {
        var client = await SsoClient.RegisterAsync(factory, [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, SsoScopesIdNumber]);
        var (alice, aliceSession) = await factory.RegisteredCitizenAsync();
        var (bob, bobSession) = await factory.RegisteredCitizenAsync();
        var request = client.AuthorizeRequest("openid profile offline_access id_number");
        var (code, _) = await client.SignInAsync(aliceSession, request);
        var tokens = await client.RedeemAsync(code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(tokens.Get("refresh_token"))).Status);

        var (member, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        await factory.QueryAsync(db => db.StaffProfiles.Where(p => db.Users.Any(u => u.Id == p.AccountId && u.UserName == member.LoginName)).ExecuteUpdateAsync(set => set.SetProperty(p => p.Hall, Hall)));
        var accountUrl = await clerk.FindAccountAsync(alice.IdNumber); // found by ID number: attributed to her
        await clerk.SubmitAsync(await clerk.GetPageAsync(accountUrl), accountUrl + "/reveal", new Dictionary<string, string?>());

        var page = await aliceSession.GetPageAsync("/my/data/views");
        var rows = page.QuerySelectorAll("[data-view-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("查看完整信息", StringComparison.Ordinal) && r.Contains("窗口人员（" + Hall + "）", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("查找账号", StringComparison.Ordinal) && r.Contains(Hall, StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains("身份证号", StringComparison.Ordinal)); // the code, not the refresh
        var staffName = await factory.QueryAsync(db => db.StaffProfiles.Where(p => db.Users.Any(u => u.Id == p.AccountId && u.UserName == member.LoginName)).Select(p => p.Name).SingleAsync());
        Assert.DoesNotContain(staffName, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(member.LoginName, page.Body!.InnerHtml, StringComparison.Ordinal);

        var bobs = await bobSession.GetPageAsync("/my/data/views");
        Assert.Empty(bobs.QuerySelectorAll("[data-view-row]"));
        Assert.NotNull(bob);
    }

    [Fact]
    public async Task An_administrator_records_a_new_members_hall_from_the_imported_halls_only()
    {
        await factory.QueryAsync(db =>
        {
            db.ServiceHalls.Add(new ShanxiIdentity.Data.Entities.ServiceHall { City = "太原市", Name = Hall, Address = "太原市长风街", Hours = "工作日 9:00-17:00", Phone = "0351-1234567", ImportedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var (_, admin) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        var page = await admin.GetPageAsync("/counter/staff/new");
        Assert.NotNull(page.QuerySelector($"select[name=Hall] option[value='{Hall}']"));
        var loginName = StaffJourney.NewLoginName();
        var unknown = await admin.SubmitAsync(page, "/counter/staff/new", new Dictionary<string, string?> { ["LoginName"] = loginName, ["Name"] = "王测试", ["Roles"] = StaffRole.Clerk, ["Hall"] = "不存在的大厅" });
        Assert.Equal(CounterMessages.HallUnknown, unknown.FieldError("Hall"));
        var created = await admin.SubmitAsync(page, "/counter/staff/new", new Dictionary<string, string?> { ["LoginName"] = loginName, ["Name"] = "王测试", ["Roles"] = StaffRole.Clerk, ["Hall"] = Hall });
        Assert.Equal(System.Net.HttpStatusCode.OK, created.Status);
        Assert.Equal(Hall, await factory.QueryAsync(db => db.StaffProfiles.Where(p => db.Users.Any(u => u.Id == p.AccountId && u.UserName == loginName)).Select(p => p.Hall).SingleAsync()));
    }

    private const string SsoScopesIdNumber = Web.Services.SingleSignOn.SsoScopes.IdNumber;

    private static async Task<HttpResponseMessage> PostAsync(PortalSession session, AngleSharp.Dom.IDocument page, string action, string password)
    {
        var token = page.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Form.CurrentPassword"] = password });
        return await session.Client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}

public sealed class SqlitePersonalDataTests(SqlitePortalFactory factory) : PersonalDataTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlPersonalDataTests(PostgreSqlPortalFactory factory) : PersonalDataTests<PostgreSqlPortalFactory>(factory);
