using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Domain.Guidance;

/// <summary>A row of the table: who registers or changes, whether an agent acts, and what to bring.</summary>
public sealed record MaterialsCase(CounterUserType UserType, bool ByAgent, IReadOnlyList<MaterialItem> Items);
