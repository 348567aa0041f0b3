namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>Wakes this instance's logout worker when a row was saved here.</summary>
public sealed class BackChannelDoorbell : Infrastructure.Doorbell;
