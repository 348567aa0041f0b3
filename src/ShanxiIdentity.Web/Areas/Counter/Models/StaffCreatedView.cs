namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed record StaffCreatedView(string LoginName, string Name, string InitialPassword);
