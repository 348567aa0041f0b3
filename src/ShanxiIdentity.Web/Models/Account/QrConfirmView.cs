using ShanxiIdentity.Web.Services.QrLogin;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>The phone's page of 扫码登录: who is asking, and 确认登录 / 取消.</summary>
public sealed record QrConfirmView(string PublicId, QrRequester Requester);
