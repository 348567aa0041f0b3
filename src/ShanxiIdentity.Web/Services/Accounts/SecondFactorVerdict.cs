namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>A second factor checked: the <c>amr</c> value it proves, or why it was refused.</summary>
public sealed record SecondFactorVerdict(string? Method, string? Refusal)
{
    public bool Passed => Refusal is null;
}
