using System.Security.Cryptography;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// An encrypted column holds a value without the <c>v2:&lt;key id&gt;:</c> form. The portal writes
/// nothing in clear, so the value was written around it (by hand, by a script, by an import); it
/// is refused rather than taken as it is. The message never repeats the value: it may be an ID
/// number or a phone.
/// </summary>
public sealed class UnprotectedValueException : CryptographicException
{
    public UnprotectedValueException()
        : base($"A personal-data column holds a value not encrypted by the portal (no {PersonalDataCipher.VersionPrefix}<key id>: prefix). It was written around the portal and is refused; write it through the portal, or encrypt it under Protection:PersonalDataKey.")
    {
    }

    public UnprotectedValueException(string message)
        : base(message)
    {
    }

    public UnprotectedValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
