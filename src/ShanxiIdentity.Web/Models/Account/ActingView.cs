using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>身份切换: the organisations the person may act for today, and which one this browser acts for now.</summary>
public sealed record ActingView(IReadOnlyList<OwnAuthorization> Choices, Guid? Current, ActingForm Form);
