using ShanxiIdentity.Web.Services.Halls;

namespace ShanxiIdentity.Web.Controllers;

public sealed record HallsPage(string? City, IReadOnlyList<HallListing> Halls);
