namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>One look at the account: when, what, and who (a staff role and hall, or a client system).</summary>
public sealed record DataViewRow(string At, string What, string Who);
