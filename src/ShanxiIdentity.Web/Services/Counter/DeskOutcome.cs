using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>A desk step's answer: the request it concerns, or the request's refusal.</summary>
public sealed record DeskOutcome(Guid? RequestId, CounterRefusal? Refusal = null)
{
    public bool Succeeded => Refusal is null;

    /// <summary>The form field to blame; null for the whole request.</summary>
    public string? Field => Refusal?.Field;

    public string? Message => Refusal?.Message;

    public static DeskOutcome Refused(CounterRefusal refusal) => new(null, refusal);

    public static DeskOutcome Refused(string? field, string message) => new(null, new CounterRefusal(message, field));
}
