namespace ShanxiIdentity.Domain.Counter;

/// <summary>Where a reserved phone change was made.</summary>
public enum PhoneChangeChannel
{
    Registration = 1,
    Online = 2,
    Counter = 3,
}
