using ShanxiIdentity.Web.Guidance;

namespace ShanxiIdentity.Web.Controllers;

public sealed record TemplateView(SeedDocument Document, IReadOnlyDictionary<string, string>? Values);
