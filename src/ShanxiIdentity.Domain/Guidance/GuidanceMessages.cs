namespace ShanxiIdentity.Domain.Guidance;

/// <summary>The words of the 办理材料 picker that the materials table itself does not name.</summary>
public static class GuidanceMessages
{
    public const string ByAgent = "代办（被授权人办理）";
    public const string InPerson = "本人（法人代表）办理";
}
