using System.Text.Json;
using System.Text.Json.Serialization;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Domain.Counter;

/// <summary>
/// What a counter request changes, as the clerk typed it (already normalised). Which fields are
/// set depends on the <see cref="CounterChangeKind"/>: a new phone; corrected names; or the whole
/// of a new account for a registration.
/// </summary>
public sealed record CounterChange
{
    public string? NewPhone { get; init; }

    /// <summary>姓名 of a person, or 单位名称 of an organisation.</summary>
    public string? Name { get; init; }

    public string? RepresentativeName { get; init; }

    public string? RepresentativeIdNumber { get; init; }

    /// <summary>身份证号 of a person registered at the counter.</summary>
    public string? IdNumber { get; init; }

    public string? CreditCode { get; init; }

    public LegalEntityType? LegalEntityType { get; init; }

    /// <summary>用户名 or 登录账号 of a registration; optional for a person.</summary>
    public string? LoginName { get; init; }

    public string? HeadOfficeCreditCode { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The form a request stores (encrypted at rest): JSON, enums by name, unset fields left out.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CounterChange FromJson(string json) => JsonSerializer.Deserialize<CounterChange>(json, Json) ?? new CounterChange();
}
