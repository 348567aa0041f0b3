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

/// <summary>What an administrator sets for a client system (接入系统).</summary>
public sealed record ClientSettings(
    string Name,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Scopes,
    bool FullPhone);
