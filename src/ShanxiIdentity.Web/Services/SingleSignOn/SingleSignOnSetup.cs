using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.BackChannel;
using static OpenIddict.Abstractions.OpenIddictConstants;
using ShanxiIdentity.Domain.Operations;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>The portal as an OpenID Connect provider (OpenIddict), for the government systems that sign people in through it.</summary>
public static class SingleSignOnSetup
{
    public const string IssuerKey = "SingleSignOn:Issuer";
    public const string AllowHttpKey = "SingleSignOn:AllowHttp";

    public static IServiceCollection AddPortalSingleSignOn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var allowHttp = configuration.GetValue<bool>(AllowHttpKey);
        if (allowHttp && !Infrastructure.TestOnlySettings.Allowed(environment))
        {
            throw new PortalConfigurationException(AllowHttpKey, ConfigurationMessages.TestOnly(ConfigurationMessages.HttpSingleSignOn));
        }

        var issuer = configuration[IssuerKey];
        if (string.IsNullOrWhiteSpace(issuer) && !environment.IsDevelopment())
        {
            // Without it the issuer, and every address in discovery, follows the request's Host header.
            throw new PortalConfigurationException(IssuerKey, ConfigurationMessages.IssuerMissing);
        }

        Uri? issuerUri = null;
        if (!string.IsNullOrWhiteSpace(issuer) && (!Uri.TryCreate(issuer, UriKind.Absolute, out issuerUri) || issuerUri.Scheme is not ("http" or "https")))
        {
            throw new PortalConfigurationException(IssuerKey, ConfigurationMessages.IssuerNotAbsolute);
        }

        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore().UseDbContext<PortalDbContext>();
                options.ReplaceApplicationManager(typeof(PortalApplicationManager<>));
            })
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris(ProtocolPaths.Authorize)
                    .SetTokenEndpointUris(ProtocolPaths.Token)
                    .SetUserInfoEndpointUris(ProtocolPaths.UserInfo)
                    .SetEndSessionEndpointUris(ProtocolPaths.EndSession)
                    .SetRevocationEndpointUris(ProtocolPaths.Revocation);
                if (issuerUri is not null)
                {
                    // Behind several instances the issuer is one name, not whatever host a request used.
                    options.SetIssuer(issuerUri);
                }

                // PKCE with S256 only: "plain" would hand the verifier to whoever sees the request.
                options.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                options.RegisterScopes([.. SsoScopes.Grantable]);
                options.RegisterClaims([.. SsoClaims.Supported]);

                options.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5))
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(30))
                    .SetIdentityTokenLifetime(TimeSpan.FromMinutes(30))
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(8));

                // Access tokens are signed JWTs that any government system can check against the
                // published keys; they carry no personal data (that is on the userinfo endpoint).
                options.DisableAccessTokenEncryption();

                // Codes and refresh tokens get a database entry (single use, revocation, withdrawal of
                // consent); access and identity tokens do not: they are self-contained, live 30 minutes,
                // and the systems that check them never ask the database. One INSERT less per token.
                options.AddEventHandler<OpenIddictServerEvents.GenerateTokenContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
                        {
                            context.CreateTokenEntry = false;
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1));

                options.AddEventHandler(BurnCodeOnWrongVerifier.Descriptor);
                options.AddEventHandler(ClaimReleaseAudit.Descriptor);
                options.AddEventHandler(SignInAssurance.Discovery);
                options.AddEventHandler(ClientSubjectHandler.Descriptor);
                options.AddEventHandler(Discovery);

                // Pairwise by default (docs/decisions/0015-pairwise-subjects.md); public for the clients marked so.
                options.Configure(o => o.SubjectTypes.Add(PairwiseSubjects.Pairwise));
                foreach (var descriptor in SigningKeyRollover.Descriptors)
                {
                    options.AddEventHandler(descriptor);
                }

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        services.AddScoped<AuthenticationHandlerProvider>();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationHandlerProvider, ProtocolPathHandlerProvider>());

        services.AddBackChannelLogout(configuration);
        services.AddSingleton<ProviderKeyRing>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ProviderKeyRing.ServerOptionsSetup>();
        services.AddScoped<SsoIdentities>();
        services.AddScoped<PairwiseSubjects>();
        services.AddScoped<ClientRegistry>();
        services.AddScoped<ConsentRegistry>();
        services.AddScoped<AgentSignIn>();
        services.AddScoped<SignInAssurance>();
        if (environment.IsDevelopment())
        {
            services.AddHostedService<DevelopmentClientSeeder>();
        }

        return services;
    }

    /// <summary>Discovery says back-channel logout is supported, with the session's sid (Back-Channel Logout 1.0 §2.1).</summary>
    private static OpenIddictServerHandlerDescriptor Discovery { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleConfigurationRequestContext>()
            .UseInlineHandler(context =>
            {
                context.Metadata["backchannel_logout_supported"] = true;
                context.Metadata["backchannel_logout_session_supported"] = true;
                return default;
            })
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>The grant types a client registered in the staff area may use, by client type.</summary>
    internal static IEnumerable<string> PermissionsFor(bool confidential, IEnumerable<string> scopes)
    {
        yield return Permissions.Endpoints.Authorization;
        yield return Permissions.Endpoints.Token;
        yield return Permissions.Endpoints.EndSession;
        yield return Permissions.Endpoints.Revocation;
        yield return Permissions.GrantTypes.AuthorizationCode;
        yield return Permissions.ResponseTypes.Code;
        if (confidential)
        {
            yield return Permissions.GrantTypes.ClientCredentials;
        }

        // Refresh tokens only for a client the administrator gave 保持登录 (offline_access):
        // OpenIddict does not check offline_access as a scope permission, only this grant.
        var chosen = scopes.ToList();
        if (chosen.Contains(Scopes.OfflineAccess))
        {
            yield return Permissions.GrantTypes.RefreshToken;
        }

        foreach (var scope in chosen.Where(s => s != Scopes.OpenId))
        {
            yield return Permissions.Prefixes.Scope + scope;
        }
    }
}
