namespace ShanxiIdentity.Web.Services.Halls;

/// <summary>One hall as the public list shows it.</summary>
public sealed record HallListing(string City, string Name, string Address, string Hours, string Phone);
