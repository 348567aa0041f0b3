namespace ShanxiIdentity.Web.Services.Privacy;

/// <summary>A page a holder who has not accepted the current 隐私政策 may still reach (the policy itself, signing out, errors).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class PrivacyGateExemptAttribute : Attribute;
