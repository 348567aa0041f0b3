namespace ShanxiIdentity.Web.Services.RealName;

/// <summary>实名核验: does this 姓名 belong to this 身份证号?</summary>
public interface IRealNameVerifier
{
    Task<RealNameOutcome> VerifyAsync(string name, string residentIdNumber, CancellationToken cancellationToken);
}
