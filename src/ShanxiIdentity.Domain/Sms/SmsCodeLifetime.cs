namespace ShanxiIdentity.Domain.Sms;

/// <summary>How long a 短信验证码 lasts: the one value that expires codes and that every text quotes.</summary>
public static class SmsCodeLifetime
{
    public static readonly TimeSpan Value = TimeSpan.FromMinutes(5);

    public static int Minutes => (int)Value.TotalMinutes;
}
