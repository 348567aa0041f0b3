using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShanxiIdentity.Data;

/// <summary>Marks every DateTime read from the store as UTC and refuses to store a local time as if it were UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
