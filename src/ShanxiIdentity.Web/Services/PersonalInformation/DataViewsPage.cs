namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>A page of 谁查看了我的信息.</summary>
public sealed record DataViewsPage(int Page, bool HasMore, IReadOnlyList<DataViewRow> Rows);
