namespace ShanxiIdentity.Web.Services;

public sealed record ImportReport(int Added, int Updated, IReadOnlyList<string> Skipped);
