namespace ShanxiIdentity.Web.Models.Account;

/// <summary>What 我的账号 shows: identifiers masked on the server.</summary>
public sealed record MyAccountView(string Heading, IReadOnlyList<ProfileRow> Rows, bool IsLegalEntity, string MaterialsUserType)
{
    /// <summary>Changes made at a service hall, newest first: what, and when it took effect (China time).</summary>
    public IReadOnlyList<(string Change, string AppliedAt)> CounterChanges { get; init; } = [];

    /// <summary>The client systems the person has consented to (已授权的业务系统).</summary>
    public IReadOnlyList<Services.SingleSignOn.ConsentView> Consents { get; init; } = [];

    /// <summary>单位授权 waiting for the person's answer (a person's page only).</summary>
    public IReadOnlyList<Services.Agents.OwnAuthorization> Invitations { get; init; } = [];

    /// <summary>The organisations the person has accepted to act for, in force or not yet started.</summary>
    public IReadOnlyList<Services.Agents.OwnAuthorization> Authorizations { get; init; } = [];

    public ChangePasswordForm ChangePassword { get; init; } = new();

    public ChangePhoneForm ChangePhone { get; init; } = new();
}
