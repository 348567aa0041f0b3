using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Serilog;
using ShanxiIdentity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShanxiIdentity.Web.Controllers;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Services;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Validation;
using ShanxiIdentity.Domain.Operations;

namespace ShanxiIdentity.Web;

/// <summary>The portal's composition: what Program.cs registers and the order of the pipeline.</summary>
public static class PortalSetup
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    public const string AnonymousPageCachePolicy = "anonymous-page";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // preserveStaticLogger: each host gets its own logger, so hosts sharing a process
        // (the functional tests) never write into each other's files.
        builder.Services.AddSerilog(
            (services, logger) => PortalLogging.Configure(logger, builder.Configuration, builder.Environment, services),
            preserveStaticLogger: true);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton<DatabaseModelPreload>();
        builder.Services.AddHostedService<DatabaseStartupService>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);

        builder.Services.AddPortalAccounts(builder.Configuration, builder.Environment);
        builder.Services.AddPortalSingleSignOn(builder.Configuration, builder.Environment);
        builder.Services.AddClientRateLimits(builder.Configuration);
        builder.Services.Configure<SiteRecords>(builder.Configuration.GetSection(SiteRecords.Section));
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }

        // The home and guidance pages are the same for every anonymous visitor: serve them from memory
        // (a cache, not state: any instance can rebuild it from the seed content). Not to a visitor who
        // carries a one-time message (TempData, e.g. 您已安全退出 after 退出), which the page must show.
        builder.Services.AddOutputCache(options => options.AddPolicy(AnonymousPageCachePolicy, policy => policy
            .With(context => context.HttpContext.User.Identity?.IsAuthenticated != true
                && !context.HttpContext.Request.CarriesTempData())
            .SetVaryByQuery("*")
            .Expire(TimeSpan.FromMinutes(10))));

        // Behind nginx or a load balancer: the client's address and scheme come from the proxy,
        // trusted only from the addresses in Network:KnownProxies (loopback by default).
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (builder.Configuration["Network:KnownProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new PortalConfigurationException("Network:KnownProxies", ConfigurationMessages.KnownProxiesInvalid));
            }
        });

        // HSTS for every host name the portal is served under (UseHsts skips localhost by default).
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.ExcludedHosts.Clear();
        });

        // Every cookie (sign-in, antiforgery, TempData) is HttpOnly, SameSite=Lax, and Secure outside
        // Development; behind a TLS-terminating proxy the forwarded headers make requests HTTPS.
        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // Chinese text goes out as characters, not as &#x...; entities (HTML-significant characters are still encoded).
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Every unsafe request of every form carries an antiforgery token.
        builder.Services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add(new FormValidationFilter());

            // 注销账号's cooling-off: a signed-in account that asked to close may only cancel or sign out.
            options.Filters.Add(new Services.Closing.ClosingGate());

            // A new 隐私政策 version: accepted before anything else (after the closing gate, which only offers to cancel or sign out).
            options.Filters.AddService<Services.Privacy.PrivacyGateFilter>();
            ChineseBindingMessages.Apply(options.ModelBindingMessageProvider);
        });
        builder.Services.AddSingleton<CookieTempDataProvider>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietTempDataProvider>());
        // Validators hold no state: built once, not for every form posted.
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

        // {PropertyName} in a message is the field's Chinese label ([Display]), as on the page: 请输入身份证号.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), inherit: true)
                .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.GetName();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<DatabaseModelPreload>().Begin();

        // 扫码登录's place table is read now: a wrong row stops the start, not the first sign-in.
        app.Services.GetRequiredService<Services.QrLogin.PlaceLookup>();
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = [Chinese],
            SupportedUICultures = [Chinese],
        });
        // This host's own logger: the static one is only the bootstrap logger (see AddPortal).
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseStaticFiles();
        app.UseCookiePolicy();
        app.UseRouting();

        // Before authentication: OpenIddict checks a client's secret there (see ClientRateLimits.Token).
        app.UseRateLimiter();
        app.UseUnreadableProtocolFormGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
        return app;
    }
}
