using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.MyCases.Models;

public static class CaseMessages
{
    public const string StarredFieldsRequired = SeedMessages.StarredFieldsRequired;
    public const string ChooseFromList = "请从列表中选择";
    public const string DraftSaved = "已暂存，可在“我的办件”中继续填写";
    public const string Submitted = "已提交，办件编号：";
    public const string DraftDeleted = "已删除暂存办件，您可以重新填报";
    public const string NotFound = "该办件不存在或已删除";
    public const string OnlyDraftsChange = "已提交的办件不能修改或删除";

    public static string TooLong(int limit) => $"不能超过{limit}个字";
}
