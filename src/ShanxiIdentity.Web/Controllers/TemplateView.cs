using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Guidance;

namespace ShanxiIdentity.Web.Controllers;

public sealed record TemplateView(SeedDocument Document, IReadOnlyDictionary<string, string>? Values);
