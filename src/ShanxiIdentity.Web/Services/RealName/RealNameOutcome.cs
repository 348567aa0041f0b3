using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.RealName;

public enum RealNameOutcome
{
    Verified,
    Mismatch,
    Unavailable,
}
