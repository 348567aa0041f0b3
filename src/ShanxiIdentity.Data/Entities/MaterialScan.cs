using System.Security.Cryptography;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Data.Entities;

/// <summary>An archived scan of one material, stored in the database so that any instance can serve it.</summary>
public class MaterialScan
{
    /// <summary>For EF Core; a scan is made by <see cref="Archive"/>.</summary>
    private MaterialScan()
    {
    }

    public Guid Id { get; private set; }

    public long CounterRequestMaterialId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    /// <summary>Hex SHA-256 of the content, for integrity checks of the archive.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>The sealed (encrypted) content; set again only when the personal-data key rotates.</summary>
    public byte[] Content { get; internal set; } = [];

    public Guid UploadedByStaffId { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>
    /// A scan of content already accepted by <see cref="ScanFile.Refusal"/>, named by the clerk's file
    /// name (or 材料N) with the extension of what it really is.
    /// </summary>
    internal static MaterialScan Archive(int position, string? fileName, byte[] content, Func<byte[], byte[]> seal, Guid staffId, DateTime now)
    {
        var format = ScanFile.Detect(content) ?? throw new ArgumentException("Not a scan format.", nameof(content));
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? string.Empty));

        // No key set here: EF generates it, and so knows the scan is new rather than an update.
        return new MaterialScan
        {
            FileName = $"{(string.IsNullOrWhiteSpace(baseName) ? $"材料{position}" : baseName[..Math.Min(baseName.Length, 100)])}{format.Extension()}",
            ContentType = format.ContentType(),
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = seal(content),
            UploadedByStaffId = staffId,
            UploadedAt = now,
        };
    }
}
