namespace ShanxiIdentity.Data.Protection;

/// <summary>What a sealed value is for: each purpose has its own subkey.</summary>
public enum SealPurpose
{
    /// <summary>The Data Protection key ring and the OpenID Connect provider's keys.</summary>
    KeyRing,

    /// <summary>Material scans at the counter.</summary>
    Scan,

    /// <summary>A prepared copy of a person's data (下载我的信息), until it is taken or expires.</summary>
    Export,
}
