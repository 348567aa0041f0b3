namespace ShanxiIdentity.MyCases.Data;

public enum CaseStatus
{
    /// <summary>暂存: saved without the required fields being checked; can be resumed or deleted.</summary>
    Draft = 1,

    /// <summary>已提交: every starred field filled; handled by the department from here on.</summary>
    Submitted = 2,
}
