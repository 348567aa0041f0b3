using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Identifiers;

/// <summary>
/// Whatever a form or an import sends, the parsers answer with a value or a Chinese reason —
/// never an exception. The inputs mix near-misses (digits of every script, full-width letters,
/// the right length) with hostile text (control characters, lone surrogates, emoji, RTL marks).
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly char[] Alphabet =
    [
        .. "0123456789Xx ABCDEFGHJKLMNPQRTUWXYIOSVZ-+()",
        .. "０１２３４５６７８９Ｘ　", // full-width digits, X and space
        .. "٠١٢٣٤٥٦٧٨٩", // Arabic-Indic digits, which char.IsDigit accepts
        .. "\0\t\r\n\u0007\u001b\u007f", // control characters
        '\uD800', '\uDC00', // lone surrogates
        '\u202E', '\u200F', '\u200B', '\uFEFF', // RTL override, RTL mark, zero-width space, BOM
        '中', '文', '·', '\'', '"', '<', '>', '%', ';',
    ];

    private static readonly Gen<string> NearMisses =
        Gen.Choose(0, 40).SelectMany(length => Gen.Elements(Alphabet).ArrayOf(length)).Select(chars => new string(chars));

    private static readonly Gen<string> WithEmoji =
        NearMisses.Select(text => text.Length > 3 ? text.Insert(text.Length / 2, "😀") : text + "👍🏽");

    private static readonly Gen<string> Anything = Gen.OneOf(NearMisses, WithEmoji, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));

    [Property(MaxTest = 3000)]
    public Property Resident_id_numbers_get_a_value_or_a_reason() =>
        Prop.ForAll(Anything.ToArbitrary(), input => Answers(ResidentIdNumber.Parse(input)));

    [Property(MaxTest = 3000)]
    public Property Credit_codes_get_a_value_or_a_reason_online_and_at_the_counter() =>
        Prop.ForAll(Anything.ToArbitrary(), input => Answers(CreditCode.Parse(input)) && Answers(CreditCode.ParseAsIssued(input)));

    [Property(MaxTest = 3000)]
    public Property Mobile_phones_get_a_value_or_a_reason() =>
        Prop.ForAll(Anything.ToArbitrary(), input => Answers(MobilePhone.Parse(input)));

    [Property(MaxTest = 3000)]
    public Property Names_passwords_and_masks_never_throw() =>
        Prop.ForAll(Anything.ToArbitrary(), input =>
        {
            _ = PersonName.NormalizeName(input);
            _ = PersonName.IsValidUserName(input);
            _ = LegalEntityRules.IsValidLoginName(input);
            _ = PasswordPolicy.Check(input, "140105198503151236", "13812345678");
            _ = SensitiveText.Redact(input);
            return true;
        });

    [Property(MaxTest = 1000)]
    public Property An_accepted_value_is_plain_ascii() =>
        Prop.ForAll(Anything.ToArbitrary(), input =>
            new[] { ResidentIdNumber.Parse(input).Value?.Value, CreditCode.Parse(input).Value?.Value, MobilePhone.Parse(input).Value?.Value }
                .All(value => value is null || value.All(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z')));

    /// <summary>Exactly one of a value and a reason; the reason in Chinese.</summary>
    private static bool Answers<T>(ParseResult<T> result)
        where T : class =>
        result.IsValid ? result.Error is null : result.Error is { Length: > 0 } error && error.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
