namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>Wakes this instance's SMS outbox worker when a message was saved here, so a code goes out at once.</summary>
public sealed class SmsDoorbell : Infrastructure.Doorbell;
