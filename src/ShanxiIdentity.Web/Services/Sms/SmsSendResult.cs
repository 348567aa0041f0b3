namespace ShanxiIdentity.Web.Services.Sms;

public sealed record SmsSendResult(bool Sent, string Message);
