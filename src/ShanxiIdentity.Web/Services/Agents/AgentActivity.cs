namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>A line of 谁以本单位名义做了什么: when, who (masked), what.</summary>
public sealed record AgentActivity(DateTime At, string Who, string What, string? Detail);
