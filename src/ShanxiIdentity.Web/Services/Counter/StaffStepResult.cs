namespace ShanxiIdentity.Web.Services.Counter;

public sealed record StaffStepResult(StaffStep Step, string? Ticket = null, string? Message = null);
