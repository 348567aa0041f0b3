using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// Encrypts the Data Protection key ring before it is written to the database, under a subkey of
/// <c>Protection:PersonalDataKey</c>: the database alone cannot forge sign-in cookies, antiforgery
/// tokens or password-reset tickets. Keys written before this existed stay readable.
/// </summary>
public sealed class KeyRingEncryptor : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedKey = PersonalData.Cipher.Seal(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        var element = new XElement(
            "encryptedKey",
            new XComment(" AES-256-GCM under a subkey of Protection:PersonalDataKey "),
            new XElement("value", Convert.ToBase64String(sealedKey)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}
