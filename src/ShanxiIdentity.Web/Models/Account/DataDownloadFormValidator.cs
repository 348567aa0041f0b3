using FluentValidation;
using ShanxiIdentity.Domain.Privacy;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class DataDownloadFormValidator : AbstractValidator<DataDownloadForm>
{
    public DataDownloadFormValidator() =>
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(PrivacyMessages.ExportPasswordRequired).MaximumLength(64).WithMessage(PrivacyMessages.ExportPasswordWrong);
}
