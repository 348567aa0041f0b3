using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

public enum SignInOutcome
{
    PasswordAccepted,
    WrongPassword,
    LockedOut,
}
