namespace ShanxiIdentity.Benchmark;

/// <summary>
/// deploy/portal.env: the runtime settings every instance is started with (systemd's
/// EnvironmentFile, Docker's --env-file), so the portal is measured as it is deployed.
/// </summary>
internal static class DeploymentEnvironment
{
    public const string RelativePath = "deploy/portal.env";

    public static IReadOnlyDictionary<string, string> Read(string root) =>
        File.ReadLines(Path.Combine(root, RelativePath))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2) is [var name, var value]
                ? (Name: name.Trim(), Value: value.Trim())
                : throw new FormatException($"{RelativePath}: not NAME=value: {line}"))
            .ToDictionary(setting => setting.Name, setting => setting.Value);
}
