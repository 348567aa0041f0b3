using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// The process's personal-data key, and the EF conversion that applies it to a column. EF caches
/// its model per process, so the conversion reads the key from here rather than capturing one:
/// a process serves one key, and a second, different key is refused.
/// </summary>
public static class PersonalData
{
    public const string KeySetting = "Protection:PersonalDataKey";

    /// <summary>Keys that only decrypt, during a rotation: comma-separated, or an indexed list (<c>…:0</c>, <c>…:1</c>).</summary>
    public const string PreviousKeysSetting = "Protection:PreviousPersonalDataKeys";

    /// <summary>Room for an 18-character ID number once encrypted (67 characters), with margin.</summary>
    public const int ProtectedLength = 128;

    private static readonly Lock Gate = new();
    private static PersonalDataCipher? _cipher;

    public static PersonalDataCipher Cipher => _cipher ?? throw new InvalidOperationException("The personal-data key has not been configured.");

    /// <summary>
    /// The values to compare an encrypted column with, for a lookup by equality that must also find
    /// rows written under a previous key: <c>forms.Contains(row.Column)</c>.
    /// </summary>
    public static string[] LookupForms(string value) => Cipher.LookupForms(value);

    /// <summary>A material scan as stored: AES-256-GCM, random nonce, under the current key's scan subkey.</summary>
    public static byte[] SealScan(ReadOnlySpan<byte> content) => Cipher.Seal(content, SealPurpose.Scan);

    /// <summary>The scan's bytes; a scan not sealed by the portal is refused.</summary>
    public static byte[] OpenScan(byte[] stored) => Cipher.Open(stored, SealPurpose.Scan);

    /// <summary>Seals a prepared copy of a person's data (下载我的信息) for the database.</summary>
    public static byte[] SealExport(ReadOnlySpan<byte> content) => Cipher.Seal(content, SealPurpose.Export);

    /// <summary>Opens what <see cref="SealExport"/> sealed.</summary>
    public static byte[] OpenExport(byte[] stored) => Cipher.Open(stored, SealPurpose.Export);

    public static readonly ValueConverter<string, string> Converter = new(
        value => Cipher.Protect(value),
        stored => Cipher.Unprotect(stored));

    /// <summary>
    /// Marks an encrypted column in the model, so <c>reencrypt-personal-data</c> finds it also in the
    /// compiled model, whose converter is generated code rather than <see cref="Converter"/> itself.
    /// </summary>
    public const string Annotation = "ShanxiIdentity:PersonalData";

    /// <summary>A column stored encrypted (any length); lookups by equality still work.</summary>
    public static PropertyBuilder<string> IsEncrypted(this PropertyBuilder<string> property) =>
        (property ?? throw new ArgumentNullException(nameof(property))).HasConversion(Converter).HasAnnotation(Annotation, true).IsUnicode(false);

    /// <summary>An ID number or phone column: encrypted, lookups by equality still work.</summary>
    public static PropertyBuilder<string> IsPersonalData(this PropertyBuilder<string> property) =>
        property.IsEncrypted().HasMaxLength(ProtectedLength);

    /// <summary>Whether the model stores the column encrypted (built or compiled model alike).</summary>
    public static bool IsEncrypted(IReadOnlyProperty property) =>
        (property ?? throw new ArgumentNullException(nameof(property))).FindAnnotation(Annotation)?.Value is true;

    /// <summary>
    /// The key from <c>Protection:PersonalDataKey</c> (base64, 32 bytes). In Development only, a
    /// missing key is created once under App_Data (never in the repository).
    /// </summary>
    public static void Configure(IConfiguration configuration, string contentRoot, bool development)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(text) && development)
        {
            text = DevelopmentKey(contentRoot);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PortalConfigurationException(KeySetting, "未配置身份证号和手机号的加密密钥（32字节，Base64编码），可用 `openssl rand -base64 32` 生成，并通过环境变量 Protection__PersonalDataKey 提供。");
        }

        var key = ParseKey(KeySetting, text);
        var section = configuration.GetSection(PreviousKeysSetting);
        var previousTexts = section.Value is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v));
        var previous = previousTexts.Select(t => ParseKey(PreviousKeysSetting, t)).ToList();
        if (previous.Any(p => p.AsSpan().SequenceEqual(key)))
        {
            throw new PortalConfigurationException(PreviousKeysSetting, "不能包含当前密钥本身。");
        }

        var cipher = new PersonalDataCipher(key, previous);
        lock (Gate)
        {
            if (_cipher is not null && _cipher.Fingerprint != cipher.Fingerprint)
            {
                throw new PortalConfigurationException(KeySetting, "同一进程中不能使用两组不同的密钥。");
            }

            _cipher ??= cipher;
        }
    }

    private static byte[] ParseKey(string setting, string text)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new PortalConfigurationException(setting, "须为Base64编码的32字节密钥。");
        }

        return key.Length == PersonalDataCipher.KeyBytes ? key : throw new PortalConfigurationException(setting, "须为Base64编码的32字节密钥。");
    }

    private static string DevelopmentKey(string contentRoot)
    {
        var path = Path.Combine(contentRoot, "App_Data", "personal-data.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataCipher.KeyBytes)));
        }

        return File.ReadAllText(path);
    }
}
