using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ShanxiIdentity.MyCases;
using ShanxiIdentity.MyCases.Data;

var builder = WebApplication.CreateBuilder(args);
PortalSettings portal;
try
{
    portal = PortalSettings.From(builder.Configuration);
}
catch (SettingException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(portal);
builder.Services.AddScoped<ShanxiIdentity.MyCases.BackChannel.LogoutTokenValidator>();
builder.Services.AddDbContext<CasesDbContext>(options => options.UseSqlite(CasesDatabase.ConnectionString(builder.Configuration, builder.Environment.ContentRootPath)));
builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    .AddCookieTempDataProvider(options => options.Cookie.Name = "mycases.tempdata");

// Cookie names of its own: on one host name (a developer's localhost) the portal's cookies sit beside these.
builder.Services.AddAntiforgery(options => options.Cookie.Name = "mycases.antiforgery");
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

// No accounts here: the portal signs people in (OpenID Connect, code flow with PKCE), this
// system keeps a cookie session of its own.
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    })
    .AddCookie(options =>
    {
        options.Cookie.Name = "mycases.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = portal.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ShanxiIdentity.MyCases.BackChannel.SessionEnds.OnValidatePrincipal; // back-channel logout
    })
    .AddOpenIdConnect(options =>
    {
        options.Authority = portal.Authority;
        options.ClientId = portal.ClientId;
        options.ClientSecret = portal.ClientSecret;
        options.RequireHttpsMetadata = portal.RequireHttps;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.SaveTokens = true; // the identity token is the id_token_hint of the portal's logout
        options.GetClaimsFromUserInfoEndpoint = true;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.Scope.Clear();
        foreach (var scope in portal.Scopes)
        {
            options.Scope.Add(scope);
        }

        options.ClaimActions.MapUniqueJsonKey("phone_number", "phone_number");
        options.ClaimActions.MapUniqueJsonKey("account_kind", "account_kind");
        options.ClaimActions.MapUniqueJsonKey("id_number", "id_number");
        foreach (var claim in ActingFor.Claims)
        {
            options.ClaimActions.MapUniqueJsonKey(claim, claim);
        }

        options.Events.OnTokenValidated = ShanxiIdentity.MyCases.BackChannel.SessionEnds.OnTokenValidated;
        options.Events.OnRemoteFailure = context =>
        {
            // 拒绝授权 or a refused request: back to the home page with a Chinese message, no stack trace.
            context.Response.Redirect("/?signin=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    });
builder.Services.AddAuthorization();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Database.MigrateAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.Use((context, next) =>
{
    context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    return next(context);
});
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
await app.RunAsync();
return 0;
