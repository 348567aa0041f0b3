namespace ShanxiIdentity.Web.Services.Captcha;

public enum CaptchaVerdict
{
    Passed,
    Wrong,
    Expired,
}
