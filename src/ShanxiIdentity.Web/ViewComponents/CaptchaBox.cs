namespace ShanxiIdentity.Web.ViewComponents;

public sealed record CaptchaBox(string Token, bool Spoken);
