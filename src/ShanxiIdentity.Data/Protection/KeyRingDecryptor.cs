using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ShanxiIdentity.Data.Protection;

public sealed class KeyRingDecryptor : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var sealedKey = Convert.FromBase64String(encryptedElement.Element("value")!.Value);
        return XElement.Parse(Encoding.UTF8.GetString(PersonalData.Cipher.Open(sealedKey)));
    }
}
