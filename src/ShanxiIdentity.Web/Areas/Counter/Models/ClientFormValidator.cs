using FluentValidation;
using OpenIddict.Abstractions;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class ClientFormValidator : AbstractValidator<ClientForm>
{
    public ClientFormValidator()
    {
        RuleFor(f => f.ClientId).Must(ClientRules.IsValidClientId).WithMessage(ClientMessages.ClientIdRule);
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(ClientMessages.NameRequired)
            .Must(n => n!.Trim().Length <= ClientRules.MaxNameLength).WithMessage(ClientMessages.NameTooLong);
        RuleFor(f => f.RedirectUris).Cascade(CascadeMode.Stop)
            .Must(text => ClientRules.Lines(text).Count > 0).WithMessage(ClientMessages.RedirectUriRequired)
            .Must(AllValid).WithMessage(f => ClientMessages.RedirectUriRule + FirstInvalid(f.RedirectUris));
        RuleFor(f => f.PostLogoutRedirectUris)
            .Must(AllValid).WithMessage(f => ClientMessages.RedirectUriRule + FirstInvalid(f.PostLogoutRedirectUris));
        RuleFor(f => f.MinimumLevel).Must(n => n is null || Domain.Accounts.RealNameLevels.FromNumber(n) is not null).WithMessage(Domain.Accounts.RealNameMessages.MinimumRule);
        RuleFor(f => f.Sector).Must(s => string.IsNullOrWhiteSpace(s) || ClientRules.IsValidSector(s.Trim())).WithMessage(ClientMessages.SectorRule);
        RuleFor(f => f.BackChannelLogoutUri).Must(u => string.IsNullOrWhiteSpace(u) || ClientRules.IsValidRedirectUri(u.Trim())).WithMessage(ClientMessages.BackChannelLogoutUriRule);
        RuleFor(f => f.Scopes).Must(s => s.Contains(OpenIddictConstants.Scopes.OpenId) && s.All(SsoScopes.Grantable.Contains)).WithMessage(ClientMessages.ScopeRequired);
    }

    private static bool AllValid(string? text) => ClientRules.Lines(text).All(ClientRules.IsValidRedirectUri);

    private static string FirstInvalid(string? text) => ClientRules.Lines(text).FirstOrDefault(l => !ClientRules.IsValidRedirectUri(l)) ?? string.Empty;
}
