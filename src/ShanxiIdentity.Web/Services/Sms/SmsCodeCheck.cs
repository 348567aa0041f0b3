namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>The outcome of checking a typed code; <see cref="CodeId"/> names the code that passed, for spending it later.</summary>
public sealed record SmsCodeCheck(SmsCodeVerdict Verdict, Guid? CodeId = null)
{
    public bool Passed => Verdict == SmsCodeVerdict.Passed;
}
