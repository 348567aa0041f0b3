using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>修改: new terms, against the version of the authorisation the form showed.</summary>
public sealed class ChangeAgentForm : AgentTermsForm
{
    public Guid Version { get; set; }

    public static ChangeAgentForm From(AgentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var form = new ChangeAgentForm { Version = row.Version };
        form.CopyFrom(row);
        return form;
    }
}
