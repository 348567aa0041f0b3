using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.QrLogin;

public sealed record QrCompletionResult(QrCompletionOutcome Outcome, string? Message = null, Account? Account = null);
