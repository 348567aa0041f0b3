using ShanxiIdentity.Web.Services.Privacy;
using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>The services of 下载我的信息, 谁查看了我的信息 and the 隐私政策 gate.</summary>
public static class PersonalInformationRights
{
    public static IServiceCollection AddPersonalInformationRights(this IServiceCollection services)
    {
        services.AddSingleton<PrivacyPolicyBook>();
        services.AddScoped<PolicyStanding>();
        services.AddScoped<PrivacyConsents>();
        services.AddScoped<PrivacyGateFilter>();
        services.AddScoped<PersonalDataSnapshot>();
        services.AddScoped<PersonalDataExports>();
        services.AddScoped<DataViews>();
        services.AddScoped<IRetentionTask, ExpiredExportsRetention>();
        return services;
    }
}
