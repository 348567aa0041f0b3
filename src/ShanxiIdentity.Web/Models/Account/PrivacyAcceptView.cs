using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>The page asking a holder to accept a new 隐私政策 version.</summary>
public sealed record PrivacyAcceptView(PrivacyPolicyVersion Policy, string? ReturnUrl, SiteRecords Site);
