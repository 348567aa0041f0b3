using System.Globalization;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>A citizen with a valid ID number and a phone no other test uses.</summary>
public sealed record Citizen(string Name, string IdNumber, string Phone, string Password)
{
    private static readonly string[] Names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "欧阳修远", "阿依古丽·买买提"];

    public string MaskedIdNumber => SensitiveText.MaskIdNumber(IdNumber);

    public string MaskedPhone => SensitiveText.MaskPhone(Phone);

    public static Citizen New()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20000));
        var body = "1401" + Random.Shared.Next(1, 99).ToString("00", CultureInfo.InvariantCulture)
            + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + Random.Shared.Next(0, 999).ToString("000", CultureInfo.InvariantCulture);
        var id = body + ResidentIdNumber.ComputeCheckCharacter(body);
        return new Citizen(Names[Random.Shared.Next(Names.Length)], id, NewPhone(), "Jin#" + Guid.NewGuid().ToString("N")[..10]);
    }

    public static string NewPhone() => "13" + Random.Shared.Next(5, 10) + Random.Shared.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
}
