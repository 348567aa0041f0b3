namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>Identifiers on staff screens: masked, unless the staff member asked to reveal them (audited).</summary>
public static class Masking
{
    public static string Show(bool revealed, string? value, Func<string, string> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return value is null ? string.Empty : revealed ? value : mask(value);
    }
}
