namespace ShanxiIdentity.Web.Models.Account;

/// <summary>One sign-in as 登录记录 shows it: time in China time, methods, address and browser in Chinese.</summary>
public sealed record SignInEntry(Guid Id, string Time, string Methods, string Address, string Browser, bool Current);
