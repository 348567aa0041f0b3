using System.Text.RegularExpressions;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// The seed document as the issue gave it (docs/seed/source-document.txt), parsed independently of
/// the portal's own catalogues, so a test can tell when the two differ.
/// </summary>
public static partial class SeedSource
{
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ShanxiIdentity.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
        }
    }

    public static IReadOnlyList<string> Lines { get; } =
        File.ReadAllLines(Path.Combine(RepositoryRoot, "docs", "seed", "source-document.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();

    /// <summary>The FAQ: each question line ("1.…") with the answer lines under it.</summary>
    public static IReadOnlyList<(string Question, IReadOnlyList<string> Answer)> Faq
    {
        get
        {
            var start = Lines.ToList().IndexOf("常见问题解答") + 1;
            var end = Lines.ToList().IndexOf("用户注册和信息修改材料要求");
            var result = new List<(string, IReadOnlyList<string>)>();
            foreach (var line in Lines.Skip(start).Take(end - start))
            {
                if (QuestionPattern().IsMatch(line))
                {
                    result.Add((line, new List<string>()));
                }
                else
                {
                    ((List<string>)result[^1].Item2).Add(line);
                }
            }

            return result;
        }
    }

    /// <summary>The rows of the materials table: user type, branch or not, agent or not, and the items.</summary>
    public static IReadOnlyList<(string UserType, bool Branch, bool ByAgent, IReadOnlyList<string> Items)> MaterialsRows =>
        Lines.Where(l => l.Split('\t') is [_, _, "是" or "否", _])
            .Select(l => l.Split('\t'))
            .Select(c => (c[1], c[0].Contains("分公司", StringComparison.Ordinal), c[2] == "是", (IReadOnlyList<string>)Items(c[3])))
            .ToList();

    /// <summary>The lines of 附录N, from its title to the line before the next appendix.</summary>
    public static IReadOnlyList<string> Appendix(int number)
    {
        var all = Lines.ToList();
        var start = all.IndexOf($"附录{number}:") + 1;
        var next = all.IndexOf($"附录{number + 1}:");
        return all.Skip(start).Take((next < 0 ? all.Count : next) - start)
            .Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l)
            .ToList();
    }

    private static List<string> Items(string cell) =>
        ItemPattern().Split(HtmlTag().Replace(cell, string.Empty)).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();

    [GeneratedRegex(@"^[0-9]+\.")]
    private static partial Regex QuestionPattern();

    [GeneratedRegex(@"(?:^|\s)[0-9]+\.\s")]
    private static partial Regex ItemPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();
}
