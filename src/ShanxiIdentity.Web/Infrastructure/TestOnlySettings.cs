using Microsoft.Extensions.Hosting;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Settings that weaken a defence for automated runs (<c>Captcha:FixedAnswer</c>,
/// <c>SingleSignOn:AllowHttp</c>) are accepted only where the environment is named for it:
/// Development, or Testing (the test hosts and the benchmark). Any other name — Production,
/// Staging, a typo — refuses to start, so a forgotten setting cannot reach a real deployment.
/// </summary>
public static class TestOnlySettings
{
    public const string TestingEnvironment = "Testing";

    public static bool Allowed(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);
    }
}
