using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>A request as staff see it: identifiers masked unless revealed (and the reveal audited).</summary>
public sealed record RequestView(
    CounterRequest Request,
    CounterChange Change,
    Account? Account,
    string? CreatedBy,
    string? DecidedBy,
    bool Revealed,
    Guid StaffId,
    bool CanEdit,
    bool CanDecide)
{
    public string Reference => CounterDesk.Reference(Request.Id);

    public string Show(string? value, Func<string, string> mask) => Masking.Show(Revealed, value, mask);
}
