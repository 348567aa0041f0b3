namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>A message as the development phone received it.</summary>
public sealed record DeliveredSms(string Phone, string Text, DateTime DeliveredAt);
