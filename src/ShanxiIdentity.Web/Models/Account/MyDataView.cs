using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>下载我的信息's page: the copies still listed, and the password form for the one that can be taken.</summary>
public sealed record MyDataView(IReadOnlyList<PersonalDataExport> Exports, DateTime Now, int Hours)
{
    public DataDownloadForm Form { get; init; } = new();

    /// <summary>The copy that can still be taken in some format, if any.</summary>
    public PersonalDataExport? Open => Exports.FirstOrDefault(e => e.ExpiresAt > Now && (e.JsonTakenAt is null || e.PrintTakenAt is null));
}
