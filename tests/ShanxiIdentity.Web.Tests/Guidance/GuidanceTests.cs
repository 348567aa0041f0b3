using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Guidance;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Guidance;

/// <summary>常见问题, 办理材料 and 模板下载 against the seed document itself.</summary>
public abstract partial class GuidanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Faq_has_all_thirteen_questions_word_for_word_each_with_its_anchor()
    {
        var page = await factory.NewSession().GetPageAsync("/guide/faq");
        var seed = SeedSource.Faq;

        Assert.Equal(13, seed.Count);
        for (var n = 1; n <= 13; n++)
        {
            var entry = page.QuerySelector($"section#q{n}");
            Assert.NotNull(entry);
            Assert.Equal(seed[n - 1].Question, entry.QuerySelector("h2")!.TextContent.Trim());
            Assert.Equal(seed[n - 1].Answer, entry.QuerySelectorAll("p.mb-2").Select(p => p.TextContent.Trim()));
            Assert.Equal($"#q{n}", entry.QuerySelector("h2 a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void Faq_quotes_the_same_message_constants_the_pages_show()
    {
        // If a message constant changed, the FAQ would change with it and stop matching the seed above.
        Assert.Contains(SeedMessages.IdNumberAlreadyCertified, FaqCatalogue.Entries[0].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.CreditCodeAlreadyCertified, FaqCatalogue.Entries[1].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.LoginNameTaken, FaqCatalogue.Entries[2].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.WrongUserNameOrPassword, FaqCatalogue.Entries[3].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.AccountDoesNotExist, FaqCatalogue.Entries[4].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.RegistryHasNoRecord, FaqCatalogue.Entries[9].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.NotMarketSupervised, FaqCatalogue.Entries[10].Question, StringComparison.Ordinal);
        Assert.Contains(SeedMessages.StarredFieldsRequired, FaqCatalogue.Entries[11].Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faq_answers_link_to_pages_that_exist()
    {
        var session = factory.NewSession();
        foreach (var href in FaqCatalogue.Entries.SelectMany(e => e.Links).Select(l => l.Href).Distinct())
        {
            using var response = await session.Client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Faq_search_works_without_script_by_query_string()
    {
        var session = factory.NewSession();
        var phone = await session.GetPageAsync("/guide/faq?q=" + Uri.EscapeDataString("手机号"));
        var browser = await session.GetPageAsync("/guide/faq?q=" + Uri.EscapeDataString("浏览器"));
        var nothing = await session.GetPageAsync("/guide/faq?q=" + Uri.EscapeDataString("<b>不存在</b>"));

        Assert.Equal(["q1", "q2", "q4", "q6", "q8"], Visible(phone));
        Assert.Equal(["q13"], Visible(browser));
        Assert.Equal("共 1 个问题", browser.QuerySelector("[data-faq-count]")!.TextContent.Trim());
        Assert.Empty(Visible(nothing));
        Assert.Contains("<b>不存在</b>", nothing.QuerySelector("[data-faq-empty]")!.TextContent, StringComparison.Ordinal);

        static List<string> Visible(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("[data-faq-entry]").Where(e => !e.HasAttribute("hidden")).Select(e => e.Id!).ToList();
    }

    [Fact]
    public async Task Every_row_of_the_materials_table_lists_exactly_the_seeds_items()
    {
        var session = factory.NewSession();
        var rows = SeedSource.MaterialsRows;

        Assert.Equal(10, rows.Count);
        foreach (var (userType, branch, byAgent, items) in rows)
        {
            var slug = (userType, branch) switch
            {
                ("自然人", _) => "person",
                ("企业法人", true) => "branch",
                ("企业法人", false) => "enterprise",
                ("机关事业单位", _) => "institution",
                ("民办非企业", _) => "private-non-enterprise",
                _ => throw new InvalidOperationException(userType),
            };
            foreach (var operation in new[] { "register", "modify" })
            {
                var page = await session.GetPageAsync($"/guide/materials?operation={operation}&userType={slug}&agent={(byAgent ? "yes" : "no")}");
                var shown = page.QuerySelectorAll("[data-material-text]").Select(e => NumberPrefix().Replace(e.TextContent.Trim(), string.Empty)).ToList();
                Assert.Equal(items, shown);
            }
        }
    }

    [Theory]
    [InlineData("social-organisation", "社团法人")]
    [InlineData("individual-business", "个体工商户")]
    public async Task Types_without_a_row_are_sent_to_the_hall_rather_than_given_an_invented_list(string slug, string name)
    {
        var page = await factory.NewSession().GetPageAsync($"/guide/materials?operation=register&userType={slug}&agent=no");

        Assert.Empty(page.QuerySelectorAll("[data-material]"));
        Assert.StartsWith($"{name} 的办理材料以当地政务大厅确认为准", page.QuerySelector("[data-materials-hall]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Materials_link_to_the_templates_they_name()
    {
        var page = await factory.NewSession().GetPageAsync("/guide/materials?operation=modify&userType=person&agent=yes");

        var links = page.QuerySelectorAll("[data-material] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/guide/templates/1", "/guide/templates/4"], links);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Each_template_downloads_as_a_valid_word_document_in_the_seeds_words(int appendix)
    {
        using var response = await factory.NewSession().Client.GetAsync(new Uri($"/guide/templates/{appendix}.docx", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var text = DocxText(bytes, out var errors);
        Assert.Empty(errors);
        foreach (var line in SeedSource.Appendix(appendix))
        {
            Assert.Contains(Normalise(line), Normalise(text), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Each_template_reads_on_its_page_in_the_seeds_words(int appendix)
    {
        var page = await factory.NewSession().GetPageAsync($"/guide/templates/{appendix}");
        var text = Normalise(page.QuerySelector("article.seed-document")!.TextContent);

        foreach (var line in SeedSource.Appendix(appendix))
        {
            Assert.Contains(Normalise(line), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Letters_state_one_month_validity()
    {
        foreach (var appendix in new[] { 1, 2, 3 })
        {
            Assert.Contains("委托有效期一个月", await LetterTextAsync(appendix), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Letters_state_no_redelegation()
    {
        foreach (var appendix in new[] { 1, 2, 3 })
        {
            Assert.Contains("无转委托权", await LetterTextAsync(appendix), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_citizen_downloads_letters_prefilled_with_what_the_portal_knows()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();

        var templates = await session.GetPageAsync("/guide/templates");
        Assert.NotNull(templates.QuerySelector("a[href='/guide/templates/1.docx?prefill=true']"));
        using var response = await session.Client.GetAsync(new Uri("/guide/templates/1.docx?prefill=true", UriKind.Relative));
        var text = DocxText(await response.Content.ReadAsByteArrayAsync(), out var errors);

        Assert.Empty(errors);
        Assert.Contains($"委托人姓名: {citizen.Name} 身份证号码: {citizen.IdNumber}", text, StringComparison.Ordinal);
        Assert.Contains($"电话: {citizen.Phone}。", text, StringComparison.Ordinal);
        Assert.Contains($"受托人姓名: {TemplateText.EmptyBlank}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_anonymous_pages_are_never_served_to_a_signed_in_visitor()
    {
        var anonymous = await factory.NewSession().GetPageAsync("/guide/templates");
        var (_, session) = await factory.RegisteredCitizenAsync();

        var signedIn = await session.GetPageAsync("/guide/templates");
        var anonymousAgain = await factory.NewSession().GetPageAsync("/guide/templates");

        Assert.Empty(anonymous.QuerySelectorAll("[data-prefilled]"));
        Assert.NotEmpty(signedIn.QuerySelectorAll("[data-prefilled]"));
        Assert.NotNull(signedIn.QuerySelector("nav a[href='/my']"));
        Assert.Empty(anonymousAgain.QuerySelectorAll("[data-prefilled]"));
        Assert.Null(anonymousAgain.QuerySelector("nav a[href='/my']"));
    }

    [Fact]
    public async Task Anonymous_prefill_requests_get_a_blank_letter()
    {
        using var response = await factory.NewSession().Client.GetAsync(new Uri("/guide/templates/1.docx?prefill=true", UriKind.Relative));
        var text = DocxText(await response.Content.ReadAsByteArrayAsync(), out _);

        Assert.Contains($"委托人姓名: {TemplateText.EmptyBlank} 身份证号码: {TemplateText.EmptyBlank}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_shows_the_same_user_agreement_as_appendix_four()
    {
        var page = await factory.NewSession().GetPageAsync("/account/register");
        var shown = Normalise(page.QuerySelector(".agreement-box")!.TextContent);

        foreach (var line in SeedSource.Appendix(4))
        {
            Assert.Contains(Normalise(line), shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_template_is_a_404()
    {
        using var response = await factory.NewSession().Client.GetAsync(new Uri("/guide/templates/5.docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> LetterTextAsync(int appendix) =>
        (await factory.NewSession().GetPageAsync($"/guide/templates/{appendix}")).QuerySelector("article.seed-document")!.TextContent;

    private static string DocxText(byte[] bytes, out IReadOnlyList<ValidationErrorInfo> errors)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        errors = new OpenXmlValidator().Validate(document).ToList();
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Blanks of any length count as one; white space does not count.</summary>
    private static string Normalise(string text) => Whitespace().Replace(text.Replace("_", string.Empty, StringComparison.Ordinal), string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[0-9]+\.\s*")]
    private static partial Regex NumberPrefix();
}

public sealed class GuidanceTestsOnSqlite(SqlitePortalFactory factory) : GuidanceTests<SqlitePortalFactory>(factory);

public sealed class GuidanceTestsOnPostgreSql(PostgreSqlPortalFactory factory) : GuidanceTests<PostgreSqlPortalFactory>(factory);
