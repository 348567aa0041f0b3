namespace ShanxiIdentity.Web.Services.Captcha;

/// <summary><c>Captcha:FixedAnswer</c>: for automated tests and benchmarks only; refused outside Development and Testing.</summary>
public sealed record CaptchaSettings(string? FixedAnswer)
{
    public const string FixedAnswerKey = "Captcha:FixedAnswer";
}
