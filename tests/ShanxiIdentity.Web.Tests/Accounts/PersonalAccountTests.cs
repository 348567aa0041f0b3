using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Infrastructure.CitizenJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>The citizen's journey of the seed's questions 1, 4, 5, 8 and 12, on each database.</summary>
public abstract class PersonalAccountTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Citizen_registers_and_my_account_shows_identifiers_masked()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();

        var registered = await factory.RegisterAsync(session, citizen);
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        Assert.Equal("/my", registered.Location);

        var my = await session.GetPageAsync("/my");
        Assert.Equal(citizen.Name, my.QuerySelector("[data-field=name]")!.TextContent);
        Assert.Equal(citizen.MaskedIdNumber, my.QuerySelector("[data-field=id-number]")!.TextContent);
        Assert.Equal(citizen.MaskedPhone, my.QuerySelector("[data-field=phone]")!.TextContent);
        Assert.DoesNotContain(citizen.IdNumber, my.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Phone, my.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var stored = await factory.QueryAsync(db => db.Users.Include(a => a.Person).Include(a => a.PhoneChanges).SingleAsync(a => a.Person!.ResidentIdNumber == citizen.IdNumber));
        Assert.Equal(AccountKind.Person, stored.Kind);
        Assert.Equal(citizen.Phone, stored.PhoneNumber);
        Assert.Single(stored.PhoneChanges);
        Assert.NotNull(stored.Person!.RealNameVerifiedAt);
    }

    [Fact]
    public async Task Registering_a_certified_id_number_says_so_and_offers_login_and_forgot_password()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var again = citizen with { Phone = Citizen.NewPhone() };

        var refused = await factory.RegisterAsync(factory.NewSession(), again);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(SeedMessages.IdNumberAlreadyCertified, refused.FieldError("IdNumber"));
        var hint = refused.Page.QuerySelector("[data-hint=certified]")!;
        Assert.NotNull(hint.QuerySelector("a[href='/account/login']"));
        Assert.NotNull(hint.QuerySelector("a[href='/account/forgot']"));
    }

    [Fact]
    public async Task Empty_starred_fields_say_the_seeds_message_once_in_the_summary_and_name_each_field_beside_it_and_in_the_summary()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);

        var refused = await session.SubmitAsync(page, RegisterUrl, new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.StartsWith("错误：个人注册", refused.Page.Title, StringComparison.Ordinal);
        var summary = refused.Page.QuerySelector("[data-error-summary]")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Equal(SeedMessages.StarredFieldsRequired, summary.QuerySelector("li")!.TextContent.Trim());
        Assert.Single(summary.QuerySelectorAll("li"), li => li.TextContent.Trim() == SeedMessages.StarredFieldsRequired);
        foreach (var (field, label) in new[] { ("Name", "姓名"), ("IdNumber", "身份证号"), ("Phone", "手机号"), ("SmsCode", "短信验证码"), ("Password", "密码"), ("ConfirmPassword", "确认密码") })
        {
            Assert.Equal(FormMessages.Missing(label), refused.FieldError(field));
            Assert.Equal(FormMessages.Missing(label), summary.QuerySelector($"a[href='#{field}']")?.TextContent.Trim());
            Assert.NotNull(refused.Page.GetElementById(field));
        }

        var starred = refused.Page.QuerySelectorAll("label.required-star").Select(l => l.GetAttribute("for")).ToList();
        Assert.Equal(["Name", "IdNumber", "Phone", "Captcha", "SmsCode", "Password", "ConfirmPassword"], starred);
    }

    [Fact]
    public async Task Registration_refuses_a_name_that_does_not_match_the_id_number()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);

        var refused = await factory.RegisterAsync(factory.NewSession(), citizen with { Name = "错误姓名" });

        Assert.Equal(AccountMessages.RealNameMismatch, refused.FieldError("Name"));
        Assert.False(await factory.QueryAsync(db => db.PersonProfiles.AnyAsync(p => p.ResidentIdNumber == citizen.IdNumber)));
    }

    [Fact]
    public async Task One_sms_code_answers_at_most_five_questions_about_names_and_numbers_then_is_void()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var code = await factory.RequestRegistrationCodeAsync(session, page, citizen.Phone);

        // Each refusal that needed the proven phone (here: the name does not match) costs the code a try.
        // Each answer is a fresh form (a fresh captcha), as a person would submit it again.
        var form = page;
        for (var probe = 0; probe < SmsCodeService.MaxWrongTries; probe++)
        {
            var mismatch = await session.SubmitAsync(form, RegisterUrl, CitizenJourney.RegistrationFields(citizen with { Name = "错误姓名" + (char)('甲' + probe) }, code));
            Assert.Equal(AccountMessages.RealNameMismatch, mismatch.FieldError("Name"));
            form = mismatch.Page;
        }

        var afterwards = await session.SubmitAsync(form, RegisterUrl, CitizenJourney.RegistrationFields(citizen, code));
        Assert.Equal(AccountMessages.SmsCodeExpired, afterwards.FieldError("SmsCode"));
        Assert.False(await factory.QueryAsync(db => db.PersonProfiles.AnyAsync(p => p.ResidentIdNumber == citizen.IdNumber)));
    }

    [Fact]
    public async Task Registration_refuses_a_wrong_sms_code_and_keeps_what_was_typed()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var code = await factory.RequestRegistrationCodeAsync(session, page, citizen.Phone);
        var wrong = code == "000000" ? "111111" : "000000";

        var refused = await session.SubmitAsync(page, RegisterUrl, RegistrationFields(citizen, wrong));

        Assert.Equal(AccountMessages.SmsCodeWrong, refused.FieldError("SmsCode"));
        Assert.Equal(citizen.Name, refused.Page.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal(citizen.IdNumber, refused.Page.QuerySelector("#IdNumber")!.GetAttribute("value"));
        Assert.Null(refused.Page.QuerySelector("#Password")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("110105491231002", "15位身份证号已停止使用，请输入18位身份证号")]
    [InlineData("110105194912310021", "身份证号校验位不正确，请核对后重新输入")]
    public async Task Registration_explains_a_bad_id_number(string idNumber, string expected)
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var fields = RegistrationFields(Citizen.New(), "123456");
        fields["IdNumber"] = idNumber;

        var refused = await session.SubmitAsync(page, RegisterUrl, fields);

        Assert.Equal(expected, refused.FieldError("IdNumber"));
    }

    [Fact]
    public async Task A_password_containing_the_id_number_is_refused()
    {
        var citizen = Citizen.New();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var fields = RegistrationFields(citizen, "123456");
        fields["Password"] = fields["ConfirmPassword"] = "Ab#" + citizen.IdNumber;

        var refused = await session.SubmitAsync(page, RegisterUrl, fields);

        Assert.Equal(AccountMessages.PasswordContainsIdNumber, refused.FieldError("Password"));
    }

    [Fact]
    public async Task A_password_breaking_the_rule_is_refused_as_too_weak()
    {
        var session = factory.NewSession();
        var fields = RegistrationFields(Citizen.New(), "123456");
        fields["Password"] = fields["ConfirmPassword"] = "abcdefgh";

        var refused = await session.SubmitAsync(await session.GetPageAsync(RegisterUrl), RegisterUrl, fields);

        Assert.Equal(AccountMessages.PasswordTooWeak, refused.FieldError("Password"));
    }

    [Fact]
    public async Task Common_and_guessable_passwords_are_refused_at_registration_with_the_reason_and_a_strong_one_is_accepted()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var birthDate = citizen.IdNumber[6..14];
        var refusals = new Dictionary<string, string>
        {
            ["Password123!"] = AccountMessages.GuessableCommonPassword,
            ["P@ssw0rd2024"] = AccountMessages.GuessableCommonPassword,
            ["Zs@" + birthDate] = AccountMessages.GuessablePersonalInformation,
            ["Abc#" + citizen.IdNumber[^6..].ToLowerInvariant() + "x"] = AccountMessages.GuessablePersonalInformation,
            ["Jin#" + citizen.Phone[^8..]] = AccountMessages.GuessablePersonalInformation,
        };
        foreach (var (password, reason) in refusals)
        {
            var fields = RegistrationFields(citizen, "123456");
            fields["Password"] = fields["ConfirmPassword"] = password;

            var refused = await session.SubmitAsync(await session.GetPageAsync(RegisterUrl), RegisterUrl, fields);

            Assert.Equal(AccountMessages.PasswordGuessable(reason), refused.FieldError("Password"));
        }

        Assert.Equal("/my", (await factory.RegisterAsync(session, citizen)).Location);
    }

    [Fact]
    public async Task Changing_the_password_on_my_account_refuses_one_guessable_from_the_holder_s_details()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var birthDate = citizen.IdNumber[6..14];

        var change = await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>
        {
            ["ChangePassword.CurrentPassword"] = citizen.Password,
            ["ChangePassword.Password"] = "Qwerty#" + birthDate,
            ["ChangePassword.ConfirmPassword"] = "Qwerty#" + birthDate,
        });
        Assert.StartsWith("密码太常见或容易被猜到：", change.FieldError("ChangePassword_Password"), StringComparison.Ordinal);
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location);
    }

    [Fact]
    public async Task Login_with_an_unknown_account_says_it_does_not_exist_and_points_to_registration()
    {
        var refused = await factory.NewSession().LogInAsync(Citizen.New().IdNumber, "Whatever#1");

        Assert.Equal(SeedMessages.AccountDoesNotExist, refused.FieldError("Account"));
        Assert.NotNull(refused.Page.QuerySelector("[data-hint=not-found] a[href='/account/register']"));
    }

    [Fact]
    public async Task Login_with_a_wrong_password_says_so_and_links_to_forgot_password()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();

        var refused = await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password + "x");

        Assert.Equal(SeedMessages.WrongUserNameOrPassword, refused.FieldError("Password"));
        Assert.NotNull(refused.Page.QuerySelector("[data-hint=wrong-password] a[href='/account/forgot']"));
    }

    [Fact]
    public async Task Citizen_logs_in_with_id_number_in_any_form_or_with_user_name()
    {
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        var (citizen, _) = await factory.RegisteredCitizenAsync(userName);

        var byId = await factory.NewSession().LogInAsync(" " + citizen.IdNumber.ToLowerInvariant() + " ", citizen.Password);
        var byName = await factory.NewSession().LogInAsync(userName.ToUpperInvariant(), citizen.Password);

        Assert.Equal("/my", byId.Location);
        Assert.Equal("/my", byName.Location);
    }

    [Fact]
    public async Task A_wrong_captcha_is_refused_and_the_form_comes_back_with_a_new_one()
    {
        var (session, page, fields) = await LoginWithAWrongCaptchaAsync();

        var wrong = await session.SubmitAsync(page, LoginUrl, fields);

        Assert.Equal(AccountMessages.CaptchaWrong, wrong.FieldError("Captcha"));
        Assert.NotEqual(page.QuerySelector("[data-captcha-id]")!.GetAttribute("value"), wrong.Page.QuerySelector("[data-captcha-id]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_captcha_answers_only_once_even_when_the_first_answer_was_wrong()
    {
        var (session, page, fields) = await LoginWithAWrongCaptchaAsync();
        await session.SubmitAsync(page, LoginUrl, fields);

        fields["Captcha"] = PortalSession.CaptchaAnswer;
        var replayed = await session.SubmitAsync(page, LoginUrl, fields);

        Assert.Equal(AccountMessages.CaptchaExpired, replayed.FieldError("Captcha"));
    }

    /// <summary>A registered citizen's login form, filled in right but for the captcha.</summary>
    private async Task<(PortalSession Session, AngleSharp.Dom.IDocument Page, Dictionary<string, string?> Fields)> LoginWithAWrongCaptchaAsync()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);
        return (session, page, new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password, ["Captcha"] = "WRONG" });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_say_until_when()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SeedMessages.WrongUserNameOrPassword, (await session.LogInAsync(citizen.IdNumber, "Wrong#pass1")).FieldError("Password"));
        }

        var fifth = await session.LogInAsync(citizen.IdNumber, "Wrong#pass1");
        var withRightPassword = await session.LogInAsync(citizen.IdNumber, citizen.Password);

        Assert.StartsWith("密码错误次数过多，账号已锁定，请于", fifth.FieldError("Password"), StringComparison.Ordinal);
        Assert.Matches(@"请于\d{4}-\d{2}-\d{2} \d{2}:\d{2}后再试", fifth.FieldError("Password"));
        Assert.StartsWith("密码错误次数过多", withRightPassword.FieldError("Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_resets_by_sms_code_and_ends_every_other_session()
    {
        var (citizen, firstSession) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var forgot = await session.GetPageAsync("/account/forgot");

        var step2 = await session.SubmitAsync(forgot, "/account/forgot", new Dictionary<string, string?> { ["Account"] = citizen.IdNumber });
        Assert.DoesNotContain(citizen.Phone, step2.Body, StringComparison.Ordinal);

        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration just sent a code to this phone
        var (sent, _) = await session.SendSmsAsync(step2.Page, "/account/forgot/reset", "/account/forgot/sms", new Dictionary<string, string?>());
        Assert.True(sent);
        var code = await factory.LatestSmsCodeAsync(citizen.Phone);
        const string newPassword = "New#Yingze&42";
        var reset = await session.SubmitAsync(step2.Page, "/account/forgot/reset", new Dictionary<string, string?>
        {
            ["SmsCode"] = code,
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });

        Assert.Equal("/account/login", reset.Location);
        Assert.Equal(SeedMessages.WrongUserNameOrPassword, (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).FieldError("Password"));
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, newPassword)).Location);

        using var stale = await firstSession.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("https://localhost/account/login", stale.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The reset spent the step's ticket: it neither sends another code nor resets again.
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var codesBefore = await factory.QueryAsync(db => db.SmsOutbox.CountAsync());
        var (sentAgain, _) = await session.SendSmsAsync(step2.Page, "/account/forgot/reset", "/account/forgot/sms", new Dictionary<string, string?>());
        Assert.False(sentAgain);
        Assert.Equal(codesBefore, await factory.QueryAsync(db => db.SmsOutbox.CountAsync()));
        var again = await session.SubmitAsync(step2.Page, "/account/forgot/reset", new Dictionary<string, string?>
        {
            ["SmsCode"] = code,
            ["Password"] = "Again#Yingze&43",
            ["ConfirmPassword"] = "Again#Yingze&43",
        });
        Assert.Equal("/account/forgot", again.Location);
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, newPassword)).Location);
    }

    [Fact]
    public async Task Forgot_password_points_people_without_their_phone_to_the_service_hall()
    {
        var page = await factory.NewSession().GetPageAsync("/account/forgot");

        var route = page.QuerySelector("[data-counter-route]")!;
        Assert.Contains("政务大厅", route.TextContent, StringComparison.Ordinal);
        Assert.NotNull(route.QuerySelector("a[href='/guide/materials?operation=modify&userType=person']"));
    }

    [Fact]
    public async Task Forgot_password_never_shows_the_account_s_phone_not_even_masked()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var stranger = factory.NewSession();
        var forgot = await stranger.GetPageAsync("/account/forgot");

        var step2 = await stranger.SubmitAsync(forgot, "/account/forgot", new Dictionary<string, string?> { ["Account"] = citizen.IdNumber });
        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration just sent a code to this phone
        var (sent, message) = await stranger.SendSmsAsync(step2.Page, "/account/forgot/reset", "/account/forgot/sms", new Dictionary<string, string?>());

        // Knowing an ID number and reading a captcha must not tell anyone where the account's codes go.
        Assert.Contains(AccountMessages.ResetCodeGoesToReservedPhone, step2.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.MaskedPhone, step2.Body, StringComparison.Ordinal);
        Assert.True(sent);
        Assert.Equal(AccountMessages.SmsSentToReservedPhone, message);
    }

    [Fact]
    public async Task Anonymous_forgot_password_codes_cannot_use_up_the_holder_s_own_phone_change_codes()
    {
        factory.Clock.AdvanceClearOfChinaMidnight(SmsCodeService.ResendInterval * (SmsCodeService.DailyLimit + 5));
        var (citizen, holder) = await factory.RegisteredCitizenAsync();
        var stranger = factory.NewSession();
        var step2 = await stranger.SubmitAsync(await stranger.GetPageAsync("/account/forgot"), "/account/forgot", new Dictionary<string, string?> { ["Account"] = citizen.IdNumber });

        // The stranger presses 获取短信验证码 on 忘记密码 once a minute until the portal stops them.
        var sent = 0;
        (bool Sent, string Message) last;
        do
        {
            factory.Clock.Advance(SmsCodeService.ResendInterval);
            last = await stranger.SendSmsAsync(step2.Page, "/account/forgot/reset", "/account/forgot/sms", new Dictionary<string, string?>());
            sent += last.Sent ? 1 : 0;
        }
        while (last.Sent && sent <= SmsCodeService.DailyLimit);

        Assert.Equal(AccountMessages.SmsDailyLimit, last.Message);
        Assert.Equal(SmsCodeService.DailyLimit, sent);

        // The holder, signed in, still gets the code for changing the reserved phone on 我的账号.
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var phoneChange = await holder.SendSmsAsync(await holder.GetPageAsync("/my"), "/my/phone", "/my/phone/sms-old", new Dictionary<string, string?>());
        Assert.True(phoneChange.Sent, phoneChange.Message);
    }

    [Fact]
    public async Task Registration_codes_are_sent_only_for_a_right_captcha_answered_afresh_for_each_send()
    {
        foreach (var (formUrl, sendUrl) in new[] { (RegisterUrl, RegisterUrl + "/sms"), (OrganisationJourney.RegisterUrl, OrganisationJourney.RegisterUrl + "/sms") })
        {
            var phone = Citizen.NewPhone();
            var session = factory.NewSession();
            var page = await session.GetPageAsync(formUrl);
            var spentCaptcha = page.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value");

            var without = await session.SendSmsAsync(page, formUrl, sendUrl, new Dictionary<string, string?> { ["Phone"] = phone, ["Captcha"] = null });
            var wrong = await session.SendSmsAsync(page, formUrl, sendUrl, new Dictionary<string, string?> { ["Phone"] = phone, ["Captcha"] = "WRONG" });
            var replayed = await session.SendSmsAsync(page, formUrl, sendUrl, new Dictionary<string, string?> { ["Phone"] = phone, ["CaptchaId"] = spentCaptcha });

            Assert.False(without.Sent);
            Assert.False(wrong.Sent);
            Assert.Equal(AccountMessages.CaptchaWrong, wrong.Message);
            Assert.False(replayed.Sent);
            Assert.Equal(AccountMessages.CaptchaExpired, replayed.Message);
            Assert.Equal(0, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone)));
            Assert.Equal(0, await factory.QueryAsync(db => db.SmsCodes.CountAsync(c => c.Phone == phone)));

            // The fresh captcha each answer carried, answered right, sends the code.
            var right = await session.SendSmsAsync(page, formUrl, sendUrl, new Dictionary<string, string?> { ["Phone"] = phone });
            Assert.True(right.Sent, right.Message);
            Assert.Equal(1, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone)));
        }
    }

    [Fact]
    public async Task A_second_code_within_a_minute_is_refused()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var phone = new Dictionary<string, string?> { ["Phone"] = Citizen.NewPhone() };

        var first = await session.SendSmsAsync(page, RegisterUrl, RegisterUrl + "/sms", phone);
        var second = await session.SendSmsAsync(page, RegisterUrl, RegisterUrl + "/sms", phone);

        Assert.True(first.Sent);
        Assert.False(second.Sent);
        Assert.Matches("^短信验证码发送过于频繁，请[0-9]+秒后再试$", second.Message);
    }

    [Fact]
    public async Task Five_wrong_codes_void_the_sms_code()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var code = await factory.RequestRegistrationCodeAsync(session, page, citizen.Phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            var refused = await session.SubmitAsync(await session.GetPageAsync(RegisterUrl), RegisterUrl, RegistrationFields(citizen, wrong));
            Assert.Equal(AccountMessages.SmsCodeWrong, refused.FieldError("SmsCode"));
        }

        var voided = await session.SubmitAsync(await session.GetPageAsync(RegisterUrl), RegisterUrl, RegistrationFields(citizen, code));
        Assert.Equal(AccountMessages.SmsCodeExpired, voided.FieldError("SmsCode"));
    }

    [Fact]
    public async Task Citizen_changes_password_with_the_current_one()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var otherSession = factory.NewSession();
        Assert.Equal("/my", (await otherSession.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var my = await session.GetPageAsync("/my");

        var wrong = await session.SubmitAsync(my, "/my/password", new Dictionary<string, string?>
        {
            ["ChangePassword.CurrentPassword"] = "Not#Mine1",
            ["ChangePassword.Password"] = "Changed#Hukou83",
            ["ChangePassword.ConfirmPassword"] = "Changed#Hukou83",
        });
        Assert.Equal(AccountMessages.CurrentPasswordWrong, wrong.FieldError("ChangePassword_CurrentPassword"));

        var changed = await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>
        {
            ["ChangePassword.CurrentPassword"] = citizen.Password,
            ["ChangePassword.Password"] = "Changed#Hukou83",
            ["ChangePassword.ConfirmPassword"] = "Changed#Hukou83",
        });
        Assert.Equal("/my", changed.Location);
        Assert.Contains(AccountMessages.PasswordChanged, (await session.GetPageAsync("/my")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, "Changed#Hukou83")).Location);
        using var stillIn = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        using var otherDevice = await otherSession.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, otherDevice.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_on_my_account_counts_towards_the_lockout()
    {
        var (_, session) = await factory.RegisteredCitizenAsync();
        PortalSession.Submitted? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>
            {
                ["ChangePassword.CurrentPassword"] = "Guess#Number" + i,
                ["ChangePassword.Password"] = "Changed#Hukou83",
                ["ChangePassword.ConfirmPassword"] = "Changed#Hukou83",
            });
        }

        Assert.StartsWith("密码错误次数过多，账号已锁定", last!.FieldError("ChangePassword_CurrentPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citizen_changes_the_reserved_phone_with_codes_to_both_phones_then_signs_out_elsewhere()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var otherDevice = factory.NewSession();
        Assert.Equal("/my", (await otherDevice.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var newPhone = Citizen.NewPhone();
        var my = await session.GetPageAsync("/my");
        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration just sent a code to this phone

        // No code to the new number before the reserved phone's code is typed: a signed-in account
        // must not be able to send codes to any number it likes.
        Assert.False((await session.SendSmsAsync(my, "/my/phone", "/my/phone/sms-new", new Dictionary<string, string?> { ["ChangePhone.NewPhone"] = newPhone })).Sent);
        Assert.False((await session.SendSmsAsync(my, "/my/phone", "/my/phone/sms-new", new Dictionary<string, string?> { ["ChangePhone.NewPhone"] = newPhone, ["ChangePhone.OldPhoneCode"] = "000000" })).Sent);
        Assert.Equal(0, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == newPhone)));

        Assert.True((await session.SendSmsAsync(my, "/my/phone", "/my/phone/sms-old", new Dictionary<string, string?>())).Sent);
        var oldCode = await factory.LatestSmsCodeAsync(citizen.Phone);
        Assert.True((await session.SendSmsAsync(my, "/my/phone", "/my/phone/sms-new", new Dictionary<string, string?> { ["ChangePhone.NewPhone"] = newPhone, ["ChangePhone.OldPhoneCode"] = oldCode })).Sent);
        var newCode = await factory.LatestSmsCodeAsync(newPhone);

        var changed = await session.SubmitAsync(my, "/my/phone", new Dictionary<string, string?>
        {
            ["ChangePhone.CurrentPassword"] = citizen.Password,
            ["ChangePhone.NewPhone"] = newPhone,
            ["ChangePhone.OldPhoneCode"] = oldCode,
            ["ChangePhone.NewPhoneCode"] = newCode,
        });
        Assert.Equal("/my", changed.Location);

        var after = await session.GetPageAsync("/my");
        Assert.Equal(Domain.Identifiers.SensitiveText.MaskPhone(newPhone), after.QuerySelector("[data-field=phone]")!.TextContent);
        var history = await factory.QueryAsync(db => db.ReservedPhoneChanges.Where(c => c.NewPhone == newPhone).ToListAsync());
        Assert.Equal(citizen.Phone, Assert.Single(history).OldPhone);

        using (var stillIn = await otherDevice.Client.GetAsync(new Uri("/my", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        var signedOut = await session.SubmitAsync(after, "/my/sign-out-others", new Dictionary<string, string?>());
        Assert.Equal("/my", signedOut.Location);
        using var kickedOut = await otherDevice.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, kickedOut.StatusCode);
        using var stayed = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stayed.StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var (_, session) = await factory.RegisteredCitizenAsync();
        var my = await session.GetPageAsync("/my");

        var loggedOut = await session.SubmitAsync(my, "/account/logout", new Dictionary<string, string?>());
        using var after = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));

        Assert.Equal("/", loggedOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task After_logging_out_the_home_page_says_so_even_though_anonymous_visitors_get_it_from_the_cache()
    {
        // Anonymous visits first: the second is answered from the output cache (it carries an Age).
        using (await factory.NewSession().Client.GetAsync(new Uri("/", UriKind.Relative)))
        {
        }

        using var cached = await factory.NewSession().Client.GetAsync(new Uri("/", UriKind.Relative));

        var (_, session) = await factory.RegisteredCitizenAsync();
        var loggedOut = await session.SubmitAsync(await session.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>());
        var home = await session.GetPageAsync(loggedOut.Location!);
        var again = await session.GetPageAsync("/");

        Assert.NotNull(cached.Headers.Age);
        Assert.Equal("/", loggedOut.Location);
        Assert.Contains("您已安全退出", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("您已安全退出", again.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_page_sets_no_message_cookie_for_a_visitor_without_one()
    {
        using var login = await factory.NewSession().Client.GetAsync(new Uri("/account/login", UriKind.Relative));

        var cookies = login.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_registrations_of_one_id_number_racing_end_with_one_account()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var racers = new[] { citizen, citizen with { Phone = Citizen.NewPhone() } };
        var prepared = new List<(PortalSession Session, AngleSharp.Dom.IDocument Page, Dictionary<string, string?> Fields)>();
        foreach (var racer in racers)
        {
            var session = factory.NewSession();
            var page = await session.GetPageAsync(RegisterUrl);
            prepared.Add((session, page, RegistrationFields(racer, await factory.RequestRegistrationCodeAsync(session, page, racer.Phone))));
        }

        var results = await Task.WhenAll(prepared.Select(p => p.Session.SubmitAsync(p.Page, RegisterUrl, p.Fields)));

        Assert.Equal(1, await factory.QueryAsync(db => db.PersonProfiles.CountAsync(p => p.ResidentIdNumber == citizen.IdNumber)));
        Assert.Single(results, r => r.Location == "/my");
        Assert.Single(results, r => r.FieldError("IdNumber") == SeedMessages.IdNumberAlreadyCertified);
    }

    [Fact]
    public async Task Markup_typed_into_a_form_comes_back_escaped()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var fields = RegistrationFields(Citizen.New(), "123456");
        fields["Name"] = "<script>alert(1)</script>";
        fields["UserName"] = "\"><img src=x onerror=alert(1)>";

        var refused = await session.SubmitAsync(page, RegisterUrl, fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.DoesNotContain("<script>alert(1)</script>", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", refused.Body, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", refused.Page.QuerySelector("#Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var session = factory.NewSession();
        var refused = await session.PostAsync(LoginUrl, new Dictionary<string, string?> { ["Account"] = "x", ["Password"] = "y", ["Captcha"] = "PASS" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("请求有误", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Captcha_image_is_a_png_drawn_from_its_token_and_a_forged_token_gets_nothing()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);
        var src = page.QuerySelector("[data-captcha-image]")!.GetAttribute("src")!;

        using var image = await session.Client.GetAsync(new Uri(src, UriKind.Relative));
        var bytes = await image.Content.ReadAsByteArrayAsync();
        using var forged = await session.Client.GetAsync(new Uri(src[..^4] + "AAAA", UriKind.Relative));

        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(150, CaptchaFiles.DecodePng(bytes).Width);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task Showing_a_form_and_its_captcha_image_writes_nothing()
    {
        var spentBefore = await factory.QueryAsync(db => db.SpentCaptchas.CountAsync());
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);
        var src = page.QuerySelector("[data-captcha-image]")!.GetAttribute("src")!;

        using var image = await session.Client.GetAsync(new Uri(src, UriKind.Relative));

        // The challenge travels in the form, protected.
        Assert.Equal(spentBefore, await factory.QueryAsync(db => db.SpentCaptchas.CountAsync()));
    }

    [Fact]
    public async Task The_development_sms_page_is_not_served()
    {
        using var devSms = await factory.NewSession().Client.GetAsync(new Uri("/dev/sms", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, devSms.StatusCode);
    }
}

public sealed class PersonalAccountTestsOnSqlite(SqlitePortalFactory factory) : PersonalAccountTests<SqlitePortalFactory>(factory);

public sealed class PersonalAccountTestsOnPostgreSql(PostgreSqlPortalFactory factory) : PersonalAccountTests<PostgreSqlPortalFactory>(factory);
