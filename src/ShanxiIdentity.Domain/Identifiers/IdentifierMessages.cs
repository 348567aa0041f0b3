namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>Why an identifier was refused, as the person who typed it reads it.</summary>
public static class IdentifierMessages
{
    public const string IdNumberEmpty = "请输入身份证号";
    public const string IdNumberLegacy15 = "15位身份证号已停止使用，请输入18位身份证号";
    public const string IdNumberLength = "身份证号应为18位";
    public const string IdNumberCharacters = "身份证号前17位应为数字，最后一位为数字或X";
    public const string IdNumberProvince = "身份证号的地址码无效";
    public const string IdNumberBirthDate = "身份证号中的出生日期无效";
    public const string IdNumberCheck = "身份证号校验位不正确，请核对后重新输入";

    public const string CreditCodeEmpty = "请输入统一社会信用代码";
    public const string CreditCodeLength = "统一社会信用代码应为18位";
    public const string CreditCodeCharacters = "统一社会信用代码只能由数字和除I、O、S、V、Z以外的大写字母组成";
    public const string CreditCodeCategory = "统一社会信用代码的登记管理部门或机构类别代码无效";
    public const string CreditCodeDivision = "统一社会信用代码的登记管理机关行政区划码无效";
    public const string CreditCodeProvince =
        "统一社会信用代码第3、4位应为登记管理机关所在省（区、市）的代码，全国性登记为10，请核对营业执照或登记证书后重新输入";
    public const string CreditCodeCheck =
        "统一社会信用代码校验未通过，请核对营业执照或登记证书后重新输入；如确认无误，请携带证照到政务大厅办理";

    public const string PhoneEmpty = "请输入手机号";
    public const string PhoneForeign = "仅支持中国大陆手机号";
    public const string PhoneFormat = "手机号应为11位中国大陆手机号";
}
