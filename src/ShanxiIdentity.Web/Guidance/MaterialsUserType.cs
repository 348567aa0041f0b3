using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Guidance;

/// <summary>A user type as the materials picker offers it; the last two have no row in the seed's table.</summary>
public sealed record MaterialsUserType(string Slug, string Name, CounterUserType? TableType);
