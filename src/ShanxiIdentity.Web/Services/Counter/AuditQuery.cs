namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>What an administrator filters the audit log by; every part optional.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Account = null, DateOnly? From = null, DateOnly? To = null);
