using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;

namespace ShanxiIdentity.Web.Services.Sms;

public enum SmsCodeVerdict
{
    Passed,
    Wrong,
    Expired,
}
