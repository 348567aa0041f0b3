using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>
/// What 经办人管理's grant and change forms share: the role, the business systems and the dates.
/// The property names are the <see cref="AgentTerms"/> ones, so a refusal's field lands beside its input.
/// </summary>
public abstract class AgentTermsForm
{
    [Display(Name = "角色")]
    public AgentRole? Role { get; set; } = AgentRole.Agent;

    /// <summary>全部业务系统 (also those connected later), or only the systems ticked.</summary>
    [Display(Name = "业务系统")]
    public bool AllSystems { get; set; } = true;

    [Display(Name = "业务系统")]
    public List<string> ClientIds { get; set; } = [];

    /// <summary>As &lt;input type="date"&gt; posts it (yyyy-MM-dd), China date.</summary>
    [Display(Name = "开始日期")]
    public string? StartsOn { get; set; }

    [Display(Name = "结束日期")]
    public string? EndsOn { get; set; }

    /// <summary>The terms as chosen; call only once the form's validator passed.</summary>
    public AgentTerms ToTerms() => new(
        Role!.Value,
        AllSystems ? null : [.. ClientIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal)],
        DateInput.Parse(StartsOn)!.Value,
        DateInput.Parse(EndsOn)!.Value);

    /// <summary>Fills the fields from an authorisation's current terms.</summary>
    protected void CopyFrom(AgentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Role = row.Role;
        AllSystems = row.ClientIds is null;
        ClientIds = [.. row.ClientIds ?? []];
        StartsOn = Date(row.StartsOn);
        EndsOn = Date(row.EndsOn);
    }

    protected static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
