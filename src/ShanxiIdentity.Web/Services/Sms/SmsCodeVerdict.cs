namespace ShanxiIdentity.Web.Services.Sms;

public enum SmsCodeVerdict
{
    Passed,
    Wrong,
    Expired,
}
