using System.Globalization;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>A date as an <c>&lt;input type="date"&gt;</c> posts it (yyyy-MM-dd); null when it is not one.</summary>
public static class DateInput
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
