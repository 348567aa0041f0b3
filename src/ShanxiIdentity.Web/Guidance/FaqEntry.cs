namespace ShanxiIdentity.Web.Guidance;

/// <summary>One question of 常见问题解答, anchored as <c>#q{Number}</c>.</summary>
public sealed record FaqEntry(int Number, string Question, IReadOnlyList<string> Answer, IReadOnlyList<FaqLink> Links)
{
    public string Anchor => $"q{Number}";

    public bool Matches(string? query) =>
        string.IsNullOrWhiteSpace(query)
        || Question.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)
        || Answer.Any(a => a.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase));
}
