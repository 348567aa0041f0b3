using System.ComponentModel.DataAnnotations;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.MyCases.Data;

namespace ShanxiIdentity.MyCases.Models;

/// <summary>户籍证明开具申请: the one application form of this sample system.</summary>
public sealed class CaseForm
{
    public static readonly IReadOnlyList<string> CertificateKinds = ["户籍证明", "亲属关系证明", "迁移证明"];

    public static readonly IReadOnlyList<string> DeliveryMethods = ["窗口领取", "邮寄送达"];

    public const string ByPost = "邮寄送达";

    [Display(Name = "证明类型")]
    public string? CertificateKind { get; set; }

    [Display(Name = "申请人姓名")]
    public string? ApplicantName { get; set; }

    [Display(Name = "证明用途")]
    public string? Purpose { get; set; }

    [Display(Name = "联系电话")]
    public string? ContactPhone { get; set; }

    [Display(Name = "领取方式")]
    public string? DeliveryMethod { get; set; }

    [Display(Name = "邮寄地址（邮寄送达时必填）")]
    public string? Address { get; set; }

    [Display(Name = "备注")]
    public string? Remarks { get; set; }

    /// <summary>Starred fields left empty: submission is refused with 带星号为必填项 and these are marked.</summary>
    public IReadOnlyList<string> MissingRequired()
    {
        var missing = new List<string>();
        Require(CertificateKind, nameof(CertificateKind));
        Require(ApplicantName, nameof(ApplicantName));
        Require(Purpose, nameof(Purpose));
        Require(ContactPhone, nameof(ContactPhone));
        Require(DeliveryMethod, nameof(DeliveryMethod));
        if (DeliveryMethod == ByPost)
        {
            Require(Address, nameof(Address));
        }

        return missing;

        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(field);
            }
        }
    }

    /// <summary>What is wrong in what was typed, whether submitting or saving a draft (a draft may be incomplete, never malformed).</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (!string.IsNullOrWhiteSpace(CertificateKind) && !CertificateKinds.Contains(CertificateKind))
        {
            yield return (nameof(CertificateKind), CaseMessages.ChooseFromList);
        }

        if (!string.IsNullOrWhiteSpace(DeliveryMethod) && !DeliveryMethods.Contains(DeliveryMethod))
        {
            yield return (nameof(DeliveryMethod), CaseMessages.ChooseFromList);
        }

        if (!string.IsNullOrWhiteSpace(ContactPhone) && MobilePhone.Parse(ContactPhone) is { IsValid: false } phone)
        {
            yield return (nameof(ContactPhone), phone.Error!);
        }

        foreach (var (field, value, limit) in new[]
                 {
                     (nameof(ApplicantName), ApplicantName, 50), (nameof(Purpose), Purpose, 100),
                     (nameof(Address), Address, 200), (nameof(Remarks), Remarks, 500),
                 })
        {
            if (value?.Trim().Length > limit)
            {
                yield return (field, CaseMessages.TooLong(limit));
            }
        }
    }

    public void ApplyTo(CaseApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        application.CertificateKind = Clean(CertificateKind);
        application.ApplicantName = Clean(ApplicantName);
        application.Purpose = Clean(Purpose);
        application.ContactPhone = ContactPhone is { } phone && MobilePhone.Parse(phone) is { IsValid: true } parsed ? parsed.Value!.Value : Clean(ContactPhone);
        application.DeliveryMethod = Clean(DeliveryMethod);
        application.Address = Clean(Address);
        application.Remarks = Clean(Remarks);
    }

    public static CaseForm From(CaseApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new CaseForm
        {
            CertificateKind = application.CertificateKind,
            ApplicantName = application.ApplicantName,
            Purpose = application.Purpose,
            ContactPhone = application.ContactPhone,
            DeliveryMethod = application.DeliveryMethod,
            Address = application.Address,
            Remarks = application.Remarks,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
