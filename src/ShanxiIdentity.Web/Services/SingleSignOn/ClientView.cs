using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

public sealed record ClientView(string ClientId, bool Confidential, ClientSettings Settings);
