using System.Globalization;

namespace ShanxiIdentity.Domain.Tests.Identifiers;

/// <summary>
/// Independent reference computations from the standards' own definitions (weights as powers),
/// so the tests do not check the production code against itself.
/// </summary>
internal static class Reference
{
    public const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>ISO 7064 MOD 11-2: weight of position i (counted from the right, check = 1) is 2^(i-1) mod 11.</summary>
    public static string IdNumber(string province, string county, DateOnly birth, int sequence)
    {
        var body = province + county + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (int)(BigPow(2, 17 - i) % 11);
            sum += (body[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return body + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>GB 32100: weight of position i (from the left, from 0) is 3^i mod 31.</summary>
    public static string CreditCode(string category, string division, string organisationBody)
    {
        var orgSum = 0;
        int[] orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
        for (var i = 0; i < 8; i++)
        {
            var c = organisationBody[i];
            orgSum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * orgWeights[i];
        }

        var orgCheck = 11 - (orgSum % 11);
        var orgChar = orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) };
        var first17 = category + division + organisationBody + orgChar;

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditAlphabet.IndexOf(first17[i], StringComparison.Ordinal) * (int)(BigPow(3, i) % 31);
        }

        var check = (31 - (sum % 31)) % 31;
        return first17 + CreditAlphabet[check];
    }

    private static long BigPow(int b, int e)
    {
        long r = 1;
        for (var i = 0; i < e; i++)
        {
            r *= b;
        }

        return r;
    }
}
