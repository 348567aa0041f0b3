namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>A page an account in its cooling-off may still reach: the cancellation, 退出, the error pages.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class AllowDuringClosingAttribute : Attribute
{
}
