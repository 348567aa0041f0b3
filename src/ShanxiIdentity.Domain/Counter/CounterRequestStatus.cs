namespace ShanxiIdentity.Domain.Counter;

public enum CounterRequestStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Rejected = 4,
    Applied = 5,
}
