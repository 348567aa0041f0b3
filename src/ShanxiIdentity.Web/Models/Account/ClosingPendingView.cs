namespace ShanxiIdentity.Web.Models.Account;

/// <summary>The cooling-off page: when the closing takes effect (China time, to the minute).</summary>
public sealed record ClosingPendingView(string DueAt);
