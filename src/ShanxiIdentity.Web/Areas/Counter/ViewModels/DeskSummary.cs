namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>工作台: who is signed in and what waits for them.</summary>
public sealed record DeskSummary(string? StaffName, int Drafts, int AwaitingReview);
