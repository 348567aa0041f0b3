namespace ShanxiIdentity.Web.Models.Account;

/// <summary>One line of 我的账号: a label, the value (identifiers already masked) and a stable name for tests and scripts.</summary>
public sealed record ProfileRow(string Label, string Value, string Field);
