namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>A closing request or cancellation: done (with when it takes effect), or refused with the form field and message.</summary>
public sealed record ClosingOutcome(string? Field, string? Message, DateTime? DueAt = null)
{
    public bool Succeeded => Message is null;

    public static ClosingOutcome Done(DateTime? dueAt = null) => new(null, null, dueAt);
}
