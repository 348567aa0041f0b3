namespace ShanxiIdentity.MyCases.Data;

/// <summary>一件办件: a certificate application of one person, identified only by the portal's subject.</summary>
public class CaseApplication
{
    public Guid Id { get; set; }

    /// <summary>The portal's <c>sub</c>: this system keeps no accounts of its own.</summary>
    public required string OwnerSubject { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>办件编号, given at submission.</summary>
    public string? ReferenceNumber { get; set; }

    public string? CertificateKind { get; set; }

    public string? ApplicantName { get; set; }

    public string? Purpose { get; set; }

    public string? ContactPhone { get; set; }

    public string? DeliveryMethod { get; set; }

    public string? Address { get; set; }

    public string? Remarks { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }
}
