using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>The counter's change requests end to end, through the staff pages, on a real database.</summary>
public abstract class CounterRequestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_phone_change_at_the_counter_goes_from_the_clerk_to_the_supervisor_and_lets_the_holder_reset_the_password_by_the_new_phone()
    {
        var (citizen, citizenSession) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        // The clerk finds the account; identifiers are masked until asked for.
        var accountUrl = await clerk.FindAccountAsync(citizen.IdNumber);
        var card = await clerk.GetPageAsync(accountUrl);
        Assert.Equal(citizen.MaskedIdNumber, card.QuerySelector("[data-field=id-number]")!.TextContent);
        Assert.Equal(citizen.MaskedPhone, card.QuerySelector("[data-field=phone]")!.TextContent);
        Assert.DoesNotContain(citizen.IdNumber, card.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var newPhone = Citizen.NewPhone();
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(accountUrl)}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = newPhone,
        });
        Assert.True(opened.Location?.StartsWith("/counter/requests/", StringComparison.Ordinal), string.Join(" | ", opened.Errors));
        var requestUrl = opened.Location!;

        // The checklist is the materials table's row, word for word.
        var page = await clerk.GetPageAsync(requestUrl);
        var listed = page.QuerySelectorAll("[data-material] > div:first-child").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(MaterialsTable.For(CounterUserType.Person, byAgent: false).Items.Select(i => $"{i.Position}. {i.Text}"), listed);

        var early = await clerk.SubmitAsync(page, requestUrl + "/submit", new Dictionary<string, string?>());
        Assert.Contains(CounterMessages.MaterialsIncomplete, early.Errors);
        Assert.Contains(CounterMessages.MaterialUnscanned(1), early.Errors);

        await clerk.CompleteMaterialsAsync(requestUrl);
        var submitted = await clerk.SubmitAsync(page, requestUrl + "/submit", new Dictionary<string, string?>());
        Assert.Equal(requestUrl, submitted.Location);

        // A clerk cannot approve; the supervisor sees the request waiting and approves it.
        var clerkApproval = await clerk.PostAsync(requestUrl + "/approve", new Dictionary<string, string?> { ["__RequestVerificationToken"] = CounterDeskSteps.Token(page) });
        Assert.Equal(HttpStatusCode.Forbidden, clerkApproval.Status);
        var waiting = await supervisor.GetPageAsync("/counter/requests?status=Submitted");
        Assert.NotNull(waiting.QuerySelector($"a[href='{requestUrl}']"));
        var review = await supervisor.GetPageAsync(requestUrl);
        Assert.Equal(SensitiveText.MaskPhone(newPhone), review.QuerySelector("[data-field=new-phone]")!.TextContent);
        var approved = await supervisor.SubmitAsync(review, requestUrl + "/approve", new Dictionary<string, string?>());
        Assert.Equal(requestUrl, approved.Location);
        Assert.Equal(nameof(CounterRequestStatus.Applied), (await supervisor.GetPageAsync(requestUrl)).QuerySelector("[data-request-status]")!.GetAttribute("data-request-status"));

        var (phone, history, notice) = await factory.QueryAsync(async db =>
        {
            var account = await db.Users.SingleAsync(a => a.Person!.ResidentIdNumber == citizen.IdNumber);
            var changes = await db.ReservedPhoneChanges.Where(c => c.AccountId == account.Id).OrderBy(c => c.Id).Select(c => c.Channel).ToListAsync();
            var sms = await db.SmsOutbox.Where(m => m.Phone == newPhone).Select(m => m.Purpose).ToListAsync();
            return (account.PhoneNumber, changes, sms);
        });
        Assert.Equal(newPhone, phone);
        Assert.Equal([PhoneChangeChannel.Registration, PhoneChangeChannel.Counter], history);
        Assert.Equal([SmsPurpose.CounterNotice], notice);
        Assert.Equal(0, await factory.QueryAsync(db => db.SignInSessions.CountAsync(s => s.EndedAt == null && db.PersonProfiles.Any(p => p.AccountId == s.AccountId && p.ResidentIdNumber == citizen.IdNumber))));

        // Whoever held the old phone's session is signed out.
        using var stale = await citizenSession.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);

        // The holder gets back in with a code sent to the new phone, at once (the notice does not count towards the send limit).
        var session = factory.NewSession();
        const string newPassword = "Counter#Hukou83x";
        var (step2, reset) = await session.ResetPasswordAsync(citizen.IdNumber, () => factory.LatestSmsCodeAsync(newPhone), newPassword);
        Assert.DoesNotContain(SensitiveText.MaskPhone(newPhone), step2.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("/account/login", reset.Location);
        Assert.Equal("/my", (await session.LogInAsync(citizen.IdNumber, newPassword)).Location);

        // 我的账号 says that a counter change was applied, and when.
        var my = await session.GetPageAsync("/my");
        var record = Assert.Single(my.QuerySelectorAll("[data-counter-changes] li"));
        Assert.Contains("修改预留手机号", record.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", record.TextContent);
        Assert.Equal(SensitiveText.MaskPhone(newPhone), my.QuerySelector("[data-field=phone]")!.TextContent);
    }

    [Fact]
    public async Task A_staff_account_named_in_the_new_request_address_gets_the_page_without_an_account()
    {
        var (staff, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var staffId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == staff.LoginName).Select(u => u.Id).SingleAsync());

        // A staff account has neither a person nor an organisation behind it (it answered 500: review of #20).
        using var page = await clerk.Client.GetAsync(new Uri($"/counter/requests/new?accountId={staffId}&kind=ReservedPhone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_authorization_letter_older_than_one_month_is_refused_and_a_current_one_accepted()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber));
        var today = ChinaTime.Today(factory.Clock);
        var agent = Citizen.New();
        Dictionary<string, string?> Fields(DateOnly letterDate, string agentId) => new()
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = Citizen.NewPhone(),
            ["ByAgent"] = "true",
            ["AgentName"] = agent.Name,
            ["AgentIdNumber"] = agentId,
            ["LetterDate"] = letterDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var newUrl = $"/counter/requests/new?accountId={accountId}&kind=ReservedPhone";

        var expired = await clerk.OpenRequestAsync(newUrl, Fields(today.AddMonths(-1).AddDays(-1), agent.IdNumber));
        var future = await clerk.OpenRequestAsync(newUrl, Fields(today.AddDays(1), agent.IdNumber));
        var badAgentId = await clerk.OpenRequestAsync(newUrl, Fields(today, agent.IdNumber[..17] + (agent.IdNumber[17] == '0' ? '1' : '0')));
        var holderAsAgent = await clerk.OpenRequestAsync(newUrl, Fields(today, citizen.IdNumber));
        var letterDate = today.AddDays(-28);
        var current = await clerk.OpenRequestAsync(newUrl, Fields(letterDate, agent.IdNumber));

        Assert.Equal(CounterMessages.LetterExpired(AuthorizationLetter.LastValidDay(today.AddMonths(-1).AddDays(-1))), expired.FieldError("LetterDate"));
        Assert.Contains("委托有效期一个月", expired.FieldError("LetterDate"), StringComparison.Ordinal);
        Assert.Equal(CounterMessages.LetterDatedAhead, future.FieldError("LetterDate"));
        Assert.Equal(IdentifierMessages.IdNumberCheck, badAgentId.FieldError("AgentIdNumber"));
        Assert.Equal(CounterMessages.AgentIsHolder, holderAsAgent.FieldError("AgentIdNumber"));
        Assert.StartsWith("/counter/requests/", current.Location, StringComparison.Ordinal);

        // The agent's case has the agent's materials (the letter among them).
        var page = await clerk.GetPageAsync(current.Location!);
        Assert.Equal(MaterialsTable.For(CounterUserType.Person, byAgent: true).Items.Count, page.QuerySelectorAll("[data-material]").Length);
        Assert.Contains("自然人授权委托书原件（附录 1）。", page.QuerySelector("[data-materials]")!.TextContent, StringComparison.Ordinal);

        // A letter that runs out between opening and submission is refused at submission too.
        // (The letter is back-dated in the database: moving the clock on would end the clerk's session.)
        await clerk.CompleteMaterialsAsync(current.Location!);
        var requestId = Guid.Parse(current.Location!.Split('/')[^1], CultureInfo.InvariantCulture);
        var staleDate = today.AddMonths(-2);
        await factory.QueryAsync(db => db.CounterRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(set => set.SetProperty(r => r.AuthorizationLetterDate, staleDate)));
        var late = await clerk.SubmitAsync(page, current.Location + "/submit", new Dictionary<string, string?>());
        Assert.Contains(CounterMessages.LetterExpired(AuthorizationLetter.LastValidDay(staleDate)), late.Errors);
    }

    [Theory]
    [InlineData("empty.pdf", "empty")]
    [InlineData("notes.pdf", "text")]
    [InlineData("scan.png", "renamed-exe")]
    [InlineData("huge.pdf", "oversize")]
    [InlineData("form.pdf", "pdf-javascript")]
    [InlineData("photo.png", "png-html-after-iend")]
    public async Task Bad_uploads_are_refused_by_content_and_size_and_nothing_is_stored(string fileName, string kind)
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber));
        var requestUrl = (await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = Citizen.NewPhone(),
        })).Location!;
        byte[] content = kind switch
        {
            "empty" => [],
            "text" => Encoding.UTF8.GetBytes("这不是扫描件"),
            "renamed-exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
            "pdf-javascript" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer <<>>\n%%EOF\n"),
            "png-html-after-iend" => [.. CounterDeskSteps.Png, .. "<html><script>alert(document.cookie)</script></html>"u8],
            _ => [.. CounterDeskSteps.Pdf, .. new byte[ScanFile.MaxBytes]],
        };
        var expected = kind switch
        {
            "empty" => CounterMessages.ScanEmpty,
            "oversize" => CounterMessages.ScanTooLarge,
            "pdf-javascript" => CounterMessages.ScanActiveContent,
            "png-html-after-iend" => CounterMessages.ScanTrailingData,
            _ => CounterMessages.ScanWrongType,
        };

        var page = await clerk.GetPageAsync(requestUrl);
        var refused = await clerk.UploadAsync(page, requestUrl + "/materials/1/scan", fileName, content, kind == "renamed-exe" ? "image/png" : "application/pdf");

        Assert.Equal(requestUrl, refused.Location);
        var after = await clerk.GetPageAsync(requestUrl);
        Assert.Equal(expected, after.QuerySelector(".alert-warning")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-material='1'] [data-scan]"));
        var requestId = Guid.Parse(requestUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(0, await factory.QueryAsync(db => db.MaterialScans.CountAsync(s => db.CounterRequestMaterials.Any(m => m.Id == s.CounterRequestMaterialId && m.CounterRequestId == requestId))));
    }

    [Fact]
    public async Task A_scan_is_archived_by_its_content_type_and_downloads_the_same_bytes()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber));
        var requestUrl = (await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = Citizen.NewPhone(),
        })).Location!;
        var page = await clerk.GetPageAsync(requestUrl);

        // A PDF whose name says .png is archived as the PDF it is.
        var uploaded = await clerk.UploadAsync(page, requestUrl + "/materials/1/scan", "身份证复印件.png", CounterDeskSteps.Pdf, "image/png");
        Assert.Equal(requestUrl, uploaded.Location);

        using var download = await clerk.Client.GetAsync(new Uri(requestUrl + "/materials/1/scan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".pdf", download.Content.Headers.ContentDisposition.FileNameStar, StringComparison.Ordinal);
        Assert.Equal(CounterDeskSteps.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // At rest the column holds ciphertext under the current key, not the file.
        var requestId = Guid.Parse(requestUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var stored = await factory.QueryAsync(db => db.MaterialScans.Where(s => db.CounterRequestMaterials.Any(m => m.Id == s.CounterRequestMaterialId && m.CounterRequestId == requestId)).Select(s => s.Content).SingleAsync());
        Assert.NotEqual(CounterDeskSteps.Pdf, stored);
        Assert.True(stored.AsSpan().IndexOf("%PDF"u8) < 0, "the scan is stored in clear");
        Assert.True(ShanxiIdentity.Data.Protection.PersonalData.Cipher.IsSealedUnderCurrent(stored));
    }

    [Fact]
    public async Task Correcting_a_person_s_name_at_the_counter_follows_the_name_rule()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber));
        var newUrl = $"/counter/requests/new?accountId={accountId}&kind=AccountInformation";

        foreach (var name in new[] { "<img src=x onerror=alert(1)>", "张三123", "张" })
        {
            var refused = await clerk.OpenRequestAsync(newUrl, new Dictionary<string, string?> { ["UserType"] = nameof(CounterUserType.Person), ["Name"] = name });

            Assert.Null(refused.Location);
            Assert.Equal(AccountMessages.NameInvalid, refused.FieldError("Name"));
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.CounterRequests.CountAsync(r => r.AccountId == accountId)));

        // A name as on the ID card, typed in full width with stray spaces, is stored the way registration stores it.
        var opened = await clerk.OpenRequestAsync(newUrl, new Dictionary<string, string?> { ["UserType"] = nameof(CounterUserType.Person), ["Name"] = "  阿依古丽•买买提 " });
        Assert.NotNull(opened.Location);
        var request = await factory.QueryAsync(db => db.CounterRequests.SingleAsync(r => r.AccountId == accountId));
        Assert.Equal("阿依古丽·买买提", request.ReadChange().Name);
    }

    [Fact]
    public async Task The_clerk_who_made_a_request_cannot_decide_it()
    {
        var (_, both) = await factory.SignedInStaffAsync(StaffRole.Clerk, StaffRole.Supervisor);
        var (_, requestUrl) = await SubmittedCorrectionAsync(both);

        var own = await both.GetPageAsync(requestUrl);
        Assert.Null(own.QuerySelector("[data-decision]"));
        await both.PostAsync(requestUrl + "/approve", new Dictionary<string, string?> { ["__RequestVerificationToken"] = CounterDeskSteps.Token(own) });
        Assert.Equal(CounterMessages.OwnRequest, (await both.GetPageAsync(requestUrl)).QuerySelector(".alert-warning")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_keeps_it_and_changes_nothing()
    {
        var (citizen, requestUrl, supervisor) = await CorrectionBeforeAnotherSupervisorAsync();

        var review = await supervisor.GetPageAsync(requestUrl);
        await supervisor.SubmitAsync(review, requestUrl + "/reject", new Dictionary<string, string?> { ["Reason"] = "  " });
        Assert.Equal(CounterMessages.RejectionReasonRequired, (await supervisor.GetPageAsync(requestUrl)).QuerySelector(".alert-warning")!.TextContent.Trim());
        await supervisor.SubmitAsync(review, requestUrl + "/reject", new Dictionary<string, string?> { ["Reason"] = "身份证复印件未签字" });

        var rejected = await supervisor.GetPageAsync(requestUrl);
        Assert.Equal(nameof(CounterRequestStatus.Rejected), rejected.QuerySelector("[data-request-status]")!.GetAttribute("data-request-status"));
        Assert.Equal("身份证复印件未签字", rejected.QuerySelector("[data-field=rejection]")!.TextContent);
        Assert.NotEqual("张更正", await factory.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == citizen.IdNumber).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_decided_request_cannot_be_decided_again()
    {
        var (_, requestUrl, supervisor) = await CorrectionBeforeAnotherSupervisorAsync();
        var review = await supervisor.GetPageAsync(requestUrl);
        await supervisor.SubmitAsync(review, requestUrl + "/reject", new Dictionary<string, string?> { ["Reason"] = "身份证复印件未签字" });

        await supervisor.SubmitAsync(review, requestUrl + "/approve", new Dictionary<string, string?>());

        Assert.Equal(CounterMessages.NotAwaitingDecision, (await supervisor.GetPageAsync(requestUrl)).QuerySelector(".alert-warning")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_organisation_the_registry_does_not_hold_gets_in_after_manual_verification_at_the_counter()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        await factory.QueryAsync(db => db.Organisations.Where(o => o.CreditCode == organisation.CreditCode).ExecuteDeleteAsync());
        Assert.Equal(SeedMessages.RegistryHasNoRecord, (await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, organisation.Password)).FieldError("Account"));

        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(organisation.CreditCode));
        var requestUrl = (await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=ManualRealNameVerification", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
        })).Location!;
        var page = await clerk.GetPageAsync(requestUrl);
        Assert.Equal(MaterialsTable.For(CounterUserType.Enterprise, byAgent: false).Items.Count, page.QuerySelectorAll("[data-material]").Length);
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(page, requestUrl + "/submit", new Dictionary<string, string?>());
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());

        Assert.Equal("/my", (await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, organisation.Password)).Location);
    }

    [Fact]
    public async Task An_organisation_outside_the_market_registry_is_registered_at_the_counter_and_sets_its_password_by_sms()
    {
        // A pilot-era code with a wrong check character: refused online, registered against the licence at the counter.
        var organisation = Organisation.New(LegalEntityType.SocialOrganisation, category: "51");
        var wrongCheck = organisation.CreditCode[..17] + (organisation.CreditCode[17] == '0' ? '1' : '0');
        Assert.False(CreditCode.Parse(wrongCheck).IsValid);
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        var opened = await clerk.OpenRequestAsync("/counter/requests/new?kind=Registration&userType=Enterprise", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
            ["LegalEntityType"] = nameof(LegalEntityType.SocialOrganisation),
            ["Name"] = organisation.Name,
            ["CreditCode"] = wrongCheck,
            ["RepresentativeName"] = organisation.RepresentativeName,
            ["RepresentativeIdNumber"] = organisation.RepresentativeIdNumber,
            ["LoginName"] = organisation.LoginName,
            ["NewPhone"] = organisation.Phone,
        });
        Assert.True(opened.Location?.StartsWith("/counter/requests/", StringComparison.Ordinal), string.Join(" | ", opened.Errors));
        var requestUrl = opened.Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>());
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());

        await factory.DeliverSmsAsync();
        Assert.Equal(1, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == organisation.Phone)));
        Assert.Contains("忘记密码", factory.LatestSmsTo(organisation.Phone), StringComparison.Ordinal);

        await factory.NewSession().ResetPasswordAsync(organisation.LoginName, () => factory.LatestSmsCodeAsync(organisation.Phone), organisation.Password, legal: true);
        Assert.Equal("/my", (await factory.NewSession().LogInAsLegalAsync(organisation.LoginName, organisation.Password)).Location);

        // The same credit code cannot be registered twice, online or at the counter.
        var again = await clerk.OpenRequestAsync("/counter/requests/new?kind=Registration&userType=Enterprise", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
            ["LegalEntityType"] = nameof(LegalEntityType.SocialOrganisation),
            ["Name"] = organisation.Name,
            ["CreditCode"] = wrongCheck,
            ["RepresentativeName"] = organisation.RepresentativeName,
            ["RepresentativeIdNumber"] = organisation.RepresentativeIdNumber,
            ["LoginName"] = "other" + organisation.LoginName,
            ["NewPhone"] = organisation.Phone,
        });
        Assert.Equal(SeedMessages.CreditCodeAlreadyCertified, again.FieldError("CreditCode"));
    }

    [Fact]
    public async Task A_branch_registered_at_the_counter_cannot_name_its_own_code_as_its_head_office()
    {
        var branch = Organisation.New(LegalEntityType.EnterpriseBranch);
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        const string newUrl = "/counter/requests/new?kind=Registration&userType=EnterpriseBranch";
        var fields = new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.EnterpriseBranch),
            ["LegalEntityType"] = nameof(LegalEntityType.EnterpriseBranch),
            ["Name"] = branch.Name,
            ["CreditCode"] = branch.CreditCode,
            ["RepresentativeName"] = branch.RepresentativeName,
            ["RepresentativeIdNumber"] = branch.RepresentativeIdNumber,
            ["LoginName"] = branch.LoginName,
            ["NewPhone"] = branch.Phone,
            ["HeadOfficeCreditCode"] = " " + branch.CreditCode.ToLowerInvariant(),
        };

        var ownCode = await clerk.OpenRequestAsync(newUrl, fields);
        Assert.Null(ownCode.Location);
        Assert.Equal(AccountMessages.HeadOfficeSameAsBranch, ownCode.FieldError("HeadOfficeCreditCode"));

        // The counter takes a code as issued, but not one whose division names no province.
        var noProvince = await clerk.OpenRequestAsync(newUrl, new Dictionary<string, string?>(fields) { ["HeadOfficeCreditCode"] = "91990000313618397W" });
        Assert.Equal(IdentifierMessages.CreditCodeProvince, noProvince.FieldError("HeadOfficeCreditCode"));

        var opened = await clerk.OpenRequestAsync(newUrl, new Dictionary<string, string?>(fields) { ["HeadOfficeCreditCode"] = branch.HeadOfficeCreditCode });
        Assert.True(opened.Location?.StartsWith("/counter/requests/", StringComparison.Ordinal), string.Join(" | ", opened.Errors));
        var requestId = Guid.Parse(opened.Location!.Split('/')[^1], CultureInfo.InvariantCulture);
        var request = await factory.QueryAsync(db => db.CounterRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(branch.HeadOfficeCreditCode, request.ReadChange().HeadOfficeCreditCode);
    }

    [Fact]
    public async Task A_citizen_registered_at_the_counter_is_verified_and_has_no_password_until_they_set_one()
    {
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        // A citizen registered on their behalf: the account exists, verified, without a password until 忘记密码.
        var citizen = Citizen.New();
        var empty = await clerk.OpenRequestAsync("/counter/requests/new?kind=Registration&userType=Person", new Dictionary<string, string?> { ["UserType"] = nameof(CounterUserType.Person) });
        Assert.Contains(SeedMessages.StarredFieldsRequired, empty.Errors);
        var opened = await clerk.OpenRequestAsync("/counter/requests/new?kind=Registration&userType=Person", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["Name"] = citizen.Name,
            ["IdNumber"] = citizen.IdNumber,
            ["NewPhone"] = citizen.Phone,
        });
        await ApproveAsync(clerk, supervisor, opened.Location!);
        var person = await factory.QueryAsync(db => db.Users.Include(a => a.Person).SingleAsync(a => a.Person!.ResidentIdNumber == citizen.IdNumber));
        Assert.Equal(citizen.Phone, person.PhoneNumber);
        Assert.NotNull(person.Person!.RealNameVerifiedAt);
        Assert.Null(person.PasswordHash);
        Assert.Equal(SeedMessages.WrongUserNameOrPassword, (await factory.NewSession().LogInAsync(citizen.IdNumber, "Anything#123")).FieldError("Password"));
        var twice = await clerk.OpenRequestAsync("/counter/requests/new?kind=Registration&userType=Person", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["Name"] = citizen.Name,
            ["IdNumber"] = citizen.IdNumber,
            ["NewPhone"] = citizen.Phone,
        });
        Assert.Equal(SeedMessages.IdNumberAlreadyCertified, twice.FieldError("IdNumber"));
    }

    [Fact]
    public async Task A_legal_representative_corrected_at_the_counter_shows_on_the_organisation_s_account()
    {
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        // A new legal representative, corrected from the licence; the organisation logs in and sees it.
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(organisation.LoginName));
        var representative = Citizen.New();
        var nothing = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=AccountInformation", new Dictionary<string, string?> { ["UserType"] = nameof(CounterUserType.Enterprise) });
        Assert.Contains(CounterMessages.NothingToChange, nothing.Errors);
        var wrongType = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=AccountInformation", new Dictionary<string, string?> { ["UserType"] = nameof(CounterUserType.Person), ["RepresentativeName"] = representative.Name });
        Assert.Equal(CounterMessages.UserTypeMismatch, wrongType.FieldError("UserType"));
        var corrected = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=AccountInformation", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
            ["RepresentativeName"] = representative.Name,
            ["RepresentativeIdNumber"] = representative.IdNumber,
        });
        await ApproveAsync(clerk, supervisor, corrected.Location!);
        var session = factory.NewSession();
        Assert.Equal("/my", (await session.LogInAsLegalAsync(organisation.LoginName, organisation.Password)).Location);
        var my = await session.GetPageAsync("/my");
        Assert.Equal(representative.Name, my.QuerySelector("[data-field=representative]")!.TextContent);
        Assert.Equal(representative.MaskedIdNumber, my.QuerySelector("[data-field=representative-id]")!.TextContent);
        Assert.Contains("更正账号信息", my.QuerySelector("[data-counter-changes]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_staff_action_is_audited_with_identifiers_masked()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountUrl = await RevealAsync(clerk, citizen);

        var accountId = CounterDeskSteps.AccountIdFrom(accountUrl);
        var actions = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == accountId && e.Action.StartsWith("counter.")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.CounterSearched, AuditAction.CounterAccountViewed, AuditAction.CounterRevealed], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.DoesNotContain(citizen.IdNumber, a.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_administrator_reads_and_exports_a_member_s_audit_with_identifiers_masked()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (clerkMember, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, admin) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        await RevealAsync(clerk, citizen);

        var audit = await admin.GetPageAsync("/counter/audit?actor=" + clerkMember.LoginName);
        var rows = audit.QuerySelectorAll("[data-audit] tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Contains(AuditAction.CounterRevealed, rows);
        Assert.Contains(AuditAction.StaffSignedIn, rows);

        using var export = await admin.Client.GetAsync(new Uri("/counter/audit/export?actor=" + clerkMember.LoginName, UriKind.Relative));
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF时间,操作人,操作", csv, StringComparison.Ordinal);
        Assert.Contains("查看完整信息", csv, StringComparison.Ordinal);
        Assert.Contains(SensitiveText.MaskIdNumber(citizen.IdNumber), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber, csv, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AuditExported)));
    }

    [Fact]
    public async Task The_audit_log_cannot_be_rewritten_through_the_portal()
    {
        await factory.RegisteredCitizenAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.QueryAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();
            entry.Detail = "edited";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The clerk finds the citizen, opens the card and reveals the full identifiers; the account's address.</summary>
    private static async Task<string> RevealAsync(PortalSession clerk, Citizen citizen)
    {
        var accountUrl = await clerk.FindAccountAsync(citizen.IdNumber);
        var card = await clerk.GetPageAsync(accountUrl);
        var revealed = await clerk.SubmitAsync(card, accountUrl + "/reveal", new Dictionary<string, string?>());
        Assert.Equal(citizen.IdNumber, revealed.Page.QuerySelector("[data-field=id-number]")!.TextContent);
        Assert.Equal(citizen.Phone, revealed.Page.QuerySelector("[data-field=phone]")!.TextContent);
        return accountUrl;
    }

    /// <summary>A citizen's name correction, opened and submitted by <paramref name="maker"/>, awaiting a decision.</summary>
    private async Task<(Citizen Citizen, string RequestUrl)> SubmittedCorrectionAsync(PortalSession maker)
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var accountId = CounterDeskSteps.AccountIdFrom(await maker.FindAccountAsync(citizen.IdNumber));
        var requestUrl = (await maker.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=AccountInformation", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["Name"] = "张更正",
        })).Location!;
        await maker.CompleteMaterialsAsync(requestUrl, factory);
        var page = await maker.GetPageAsync(requestUrl);
        Assert.Equal(requestUrl, (await maker.SubmitAsync(page, requestUrl + "/submit", new Dictionary<string, string?>())).Location);
        return (citizen, requestUrl);
    }

    /// <summary>A correction submitted by one member, and a signed-in supervisor who did not make it.</summary>
    private async Task<(Citizen Citizen, string RequestUrl, PortalSession Supervisor)> CorrectionBeforeAnotherSupervisorAsync()
    {
        var (_, maker) = await factory.SignedInStaffAsync(StaffRole.Clerk, StaffRole.Supervisor);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var (citizen, requestUrl) = await SubmittedCorrectionAsync(maker);
        return (citizen, requestUrl, supervisor);
    }

    /// <summary>The clerk completes and submits the request, the supervisor approves it, and it is applied.</summary>
    private static async Task ApproveAsync(PortalSession clerk, PortalSession supervisor, string requestUrl)
    {
        await clerk.CompleteMaterialsAsync(requestUrl);
        Assert.Equal(requestUrl, (await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>())).Location);
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());
        Assert.Equal(nameof(CounterRequestStatus.Applied), (await supervisor.GetPageAsync(requestUrl)).QuerySelector("[data-request-status]")!.GetAttribute("data-request-status"));
    }
}

public sealed class CounterRequestTestsOnSqlite(SqlitePortalFactory factory) : CounterRequestTests<SqlitePortalFactory>(factory);

public sealed class CounterRequestTestsOnPostgreSql(PostgreSqlPortalFactory factory) : CounterRequestTests<PostgreSqlPortalFactory>(factory);
