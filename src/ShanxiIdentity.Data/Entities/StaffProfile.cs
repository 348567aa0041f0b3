namespace ShanxiIdentity.Data.Entities;

/// <summary>政务大厅工作人员: the person behind a staff account (roles are Identity roles).</summary>
public class StaffProfile
{
    public Guid AccountId { get; set; }

    public required string Name { get; set; }

    /// <summary>The administrator who created the account; null for the first, made by <c>create-admin</c>.</summary>
    public Guid? CreatedByStaffId { get; set; }

    /// <summary>The 政务大厅 the staff member works at (its name as imported), recorded in their audit rows; null if not set.</summary>
    public string? Hall { get; set; }
}
