namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>A scan as a staff member downloads it: the content opened (decrypted), never written back.</summary>
public sealed record ScanDownload(string FileName, string ContentType, byte[] Content);
