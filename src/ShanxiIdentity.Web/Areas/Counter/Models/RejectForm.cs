using System.ComponentModel.DataAnnotations;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class RejectForm
{
    [Display(Name = "驳回原因")]
    public string? Reason { get; set; }
}
