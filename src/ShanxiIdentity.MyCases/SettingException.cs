namespace ShanxiIdentity.MyCases;

/// <summary>A setting is missing or wrong: Program prints the message alone, without a stack trace.</summary>
public sealed class SettingException(string message) : Exception(message);
