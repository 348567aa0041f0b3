using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Areas.Counter;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Closing;
using ShanxiIdentity.Web.Services.Counter;
using ShanxiIdentity.Web.Services.RealName;
using ShanxiIdentity.Web.Services.Registry;
using ShanxiIdentity.Web.Services.Retention;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Domain.Operations;

namespace ShanxiIdentity.Web.Services;

public static class ServiceRegistration
{
    /// <summary>Identity, sign-in cookies and the account services, with external systems chosen by configuration.</summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<Account, IdentityRole<Guid>>(options =>
            {
                // The domain's PasswordPolicy (through PortalPasswordValidator) is the one rule.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;

                // Stores.SchemaVersion stays at schema 1: PortalDbContext adds schema 3's passkey table itself.
                // Schema 3 would also shorten existing columns (PhoneNumber to 256, which holds the encrypted
                // phone; login and token keys to 128) and make the model differ between the host and the tools.
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>();

        // Passkeys: the user must be verified (PIN, fingerprint, face) — a passkey counts as two factors.
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            options.UserVerificationRequirement = "required";

            // Discoverable: 使用通行密钥登录 names no account, the authenticator offers its own.
            options.ResidentKeyRequirement = "required";

            // The page that ran the ceremony must be the portal's own (as the relying party is its host),
            // whatever Origin header the request itself carries.
            options.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin
                && string.Equals(context.Origin, context.HttpContext.Request.Scheme + "://" + context.HttpContext.Request.Host.Value, StringComparison.Ordinal));
        });

        // A session row per sign-in, checked with the stamp (docs/decisions/0007-sign-in-sessions.md).
        services.AddScoped<SignInSessions>();
        services.AddScoped<SignInOrigin>();
        services.AddScoped<NewBrowserNotice>();
        services.AddScoped<SignInHistory>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());

        // Argon2id instead of Identity's PBKDF2 (docs/decisions/0004-argon2id-password-hashing.md).
        services.AddSingleton(Argon2Settings.From(configuration));
        services.AddSingleton<PasswordHashSlots>();
        services.AddSingleton<Infrastructure.FixedLinks>();
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Account>, Argon2PasswordHasher>());

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "shanxi.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/error/403";
            options.UseCounterCookieRules();
        });

        // Checked on every request: a password reset or "sign out elsewhere" takes effect at once.
        // The refreshed principal keeps how and when the session was signed in (amr, auth_time) and its session id.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = context =>
            {
                var methods = context.CurrentPrincipal?.FindAll(c => SignInMethods.IsKept(c) || c.Type == SignInSessions.ClaimType).ToList() ?? [];
                if (methods.Count > 0 && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaims(methods.Select(c => new System.Security.Claims.Claim(c.Type, c.Value, c.ValueType)));
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(options =>
        {
            options.AddCounterPolicies();
            options.AddAgentPolicies();
        });
        services.AddAgents(configuration);

        var fixedAnswer = configuration[CaptchaSettings.FixedAnswerKey];
        if (!string.IsNullOrEmpty(fixedAnswer) && !Infrastructure.TestOnlySettings.Allowed(environment))
        {
            throw new PortalConfigurationException(CaptchaSettings.FixedAnswerKey, ConfigurationMessages.TestOnly(ConfigurationMessages.FixedCaptchaAnswer));
        }

        services.AddSingleton(new CaptchaSettings(fixedAnswer));
        services.AddScoped<CaptchaService>();
        services.AddSmsOutbox(configuration);
        services.AddRetention(configuration);
        services.AddScoped<ResidentImporter>();
        services.AddScoped<OrganisationImporter>();
        services.AddScoped<Halls.HallImporter>();
        services.AddScoped<Halls.HallDirectory>();
        services.AddScoped<LegalEntityRegistration>();
        services.AddScoped<NewAccounts>();
        services.AddScoped<AccountFactory>();
        services.AddScoped<AccountChanges>();
        services.AddScoped<ReservedPhones>();
        services.AddScoped<MyAccountPage>();
        services.AddScoped<LoginGate>();
        services.AddScoped<RealNameAssessment>();
        services.AddScoped<AccountLocator>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SmsSignIn>();
        services.Configure<QrLogin.QrSignInSettings>(configuration.GetSection(QrLogin.QrSignInSettings.Section));
        services.AddSingleton<QrLogin.PlaceLookup>();
        services.AddScoped<QrLogin.QrSignIns>();
        services.AddScoped<QrLogin.QrSignInCompletion>();
        services.AddScoped<PasskeySignIn>();
        services.AddScoped<PasskeySetup>();
        services.AddScoped<SpentPasskeyChallenges>();
        services.AddScoped<PersonRegistration>();
        services.AddSingleton<PasswordResetTicket>();
        services.AddSingleton<StaffSignInTicket>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<AuthenticatorCodes>();
        services.AddScoped<AuthenticatorKeys>();
        services.AddSingleton<SecondFactorTicket>();
        services.AddScoped<SecondFactorCodes>();
        services.AddScoped<SecondFactorSignIn>();
        services.AddScoped<SecondFactorSetup>();
        services.AddSingleton<UnknownNamePassword>();
        services.AddScoped<CounterIntake>();
        services.AddScoped<CounterDesk>();
        services.AddScoped<CounterReview>();
        services.AddScoped<CounterQueries>();
        services.AddScoped<CounterAccountQueries>();
        services.AddScoped<CounterChangeApplier>();
        services.AddScoped<CounterAdministratorAppointment>();
        services.AddScoped<AuditTrail>();
        services.AddAccountClosing(configuration);
        PersonalInformation.PersonalInformationRights.AddPersonalInformationRights(services);
        services.AddHttpContextAccessor();

        AddGateway<ISmsGateway, HttpSmsGateway, DevelopmentSmsGateway>(services, configuration, HttpSmsGateway.EndpointKey, HttpSmsGateway.ApiKeyKey);
        AddGateway<IRealNameVerifier, HttpRealNameVerifier, LocalResidentRegistry>(services, configuration, HttpRealNameVerifier.EndpointKey, HttpRealNameVerifier.ApiKeyKey);
        AddGateway<IOrganisationRegistry, HttpOrganisationRegistry, LocalOrganisationRegistry>(services, configuration, HttpOrganisationRegistry.EndpointKey, HttpOrganisationRegistry.ApiKeyKey);
        return services;
    }

    /// <summary>The HTTP adapter when its endpoint is configured, the database-backed default otherwise.</summary>
    private static void AddGateway<TService, THttp, TDefault>(IServiceCollection services, IConfiguration configuration, string endpointKey, string apiKeyKey)
        where TService : class
        where THttp : class, TService
        where TDefault : class, TService
    {
        var endpoint = configuration[endpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            services.AddScoped<TService, TDefault>();
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new PortalConfigurationException(endpointKey, ConfigurationMessages.EndpointNotHttp);
        }

        var apiKey = configuration[apiKeyKey];
        services.AddHttpClient<TService, THttp>(client =>
        {
            client.BaseAddress = uri;
            client.Timeout = TimeSpan.FromSeconds(10);
            if (!string.IsNullOrEmpty(apiKey))
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }
        });
    }
}
