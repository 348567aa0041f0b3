namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>个人账号's lines on the account page; the ID number as shown (masked unless revealed).</summary>
public sealed record PersonCard(string Name, string IdNumber, bool Verified);
