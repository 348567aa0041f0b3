namespace ShanxiIdentity.Domain.Accounts;

/// <summary>实名等级: how well the portal knows who holds an account (docs/decisions/0013-real-name-levels.md).</summary>
public enum RealNameLevel
{
    /// <summary>Identifiers checked for format only: awaiting the counter, or the registry no longer holds the organisation.</summary>
    FormatOnly = 1,

    /// <summary>Name and ID number (or credit code, name and representative) confirmed by the registry.</summary>
    RegistryConfirmed = 2,

    /// <summary>Level 2, and the reserved phone proved by an SMS code.</summary>
    PhoneProved = 3,

    /// <summary>Verified in person at a service hall (人工实名核验, or registration there by the holder).</summary>
    InPerson = 4,
}
