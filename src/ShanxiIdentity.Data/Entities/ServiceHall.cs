namespace ShanxiIdentity.Data.Entities;

/// <summary>A 政务大厅 where what cannot be done online is handled; loaded by <c>import-halls</c>.</summary>
public class ServiceHall
{
    public int Id { get; set; }

    /// <summary>One of <see cref="Domain.Guidance.HallCity.All"/>.</summary>
    public required string City { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    /// <summary>办公时间, as the hall publishes it (e.g. 工作日 9:00-12:00 13:30-17:30).</summary>
    public required string Hours { get; set; }

    public required string Phone { get; set; }

    public DateTime ImportedAt { get; set; }
}
