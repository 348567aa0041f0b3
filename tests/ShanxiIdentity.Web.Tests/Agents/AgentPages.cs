using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Agents;

/// <summary>Steps through 经办人管理's forms, as an administrator's browser takes them.</summary>
public static class AgentPages
{
    public const string Url = "/my/agents";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The grant form's fields for the citizen: 经办人 for all systems, with the dates the blank form proposes unless told.</summary>
    public static Dictionary<string, string?> GrantFields(IDocument page, Citizen citizen, AgentRole role = AgentRole.Agent) => new()
    {
        ["PersonName"] = citizen.Name,
        ["PersonIdNumber"] = citizen.IdNumber,
        ["Role"] = role.ToString(),
        ["AllSystems"] = "true",
        ["StartsOn"] = Value(page, "StartsOn"),
        ["EndsOn"] = Value(page, "EndsOn"),
    };

    /// <summary>The edit form's visible fields as the page shows them (the hidden version travels by itself).</summary>
    public static Dictionary<string, string?> ChangeFields(IDocument page) => new()
    {
        ["Role"] = page.QuerySelector<IHtmlInputElement>("input[name=Role][checked]")!.Value,
        ["AllSystems"] = page.QuerySelector<IHtmlInputElement>("input[name=AllSystems][checked]")!.Value,
        ["StartsOn"] = Value(page, "StartsOn"),
        ["EndsOn"] = Value(page, "EndsOn"),
    };

    public static string? Value(IDocument page, string id) => page.QuerySelector<IHtmlInputElement>("#" + id)?.Value;

    public static async Task<PortalSession.Submitted> GrantAsync(this PortalSession session, Citizen citizen, AgentRole role = AgentRole.Agent, Action<Dictionary<string, string?>>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync(Url);
        var fields = GrantFields(page, citizen, role);
        adjust?.Invoke(fields);
        return await session.SubmitAsync(page, Url, fields);
    }

    /// <summary>A POST with the session's own antiforgery token and nothing else, for routes whose answer does not depend on the fields.</summary>
    public static async Task<PortalSession.Submitted> PostWithTokenAsync(this PortalSession session, string tokenPage, string url, Dictionary<string, string?>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var token = CounterDeskSteps.Token(await session.GetPageAsync(tokenPage));
        var posted = new Dictionary<string, string?>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return await session.PostAsync(url, posted);
    }

    /// <summary>A registered citizen whose session acts for the organisation in the role (granted by its legal account, accepted).</summary>
    public static async Task<(Citizen Citizen, PortalSession Session, Guid AuthorizationId)> ActingCitizenAsync(this PortalFactory factory, Organisation organisation, AgentRole role)
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen, role);
        await factory.ActForAsync(citizen, id);
        return (citizen, session, id);
    }
}
