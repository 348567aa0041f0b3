namespace ShanxiIdentity.Web.Services.Accounts;

public enum RegistrationField
{
    IdNumber,
    UserName,
    Name,
    SmsCode,
    CreditCode,
    LoginName,
    Type,
}
