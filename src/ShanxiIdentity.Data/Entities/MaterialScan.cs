namespace ShanxiIdentity.Data.Entities;

/// <summary>An archived scan of one material, stored in the database so that any instance can serve it.</summary>
public class MaterialScan
{
    public Guid Id { get; set; }

    public long CounterRequestMaterialId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Hex SHA-256 of the content, for integrity checks of the archive.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public Guid UploadedByStaffId { get; set; }

    public DateTime UploadedAt { get; set; }
}
