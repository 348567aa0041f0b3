namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>One passkey on 我的账号: its id (base64url, for the rename and remove forms), name, when added and last used (China time).</summary>
public sealed record PasskeyListItem(string Id, string Name, string AddedAt, string? LastUsedAt);
