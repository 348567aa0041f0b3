using System.Net;
using ShanxiIdentity.Domain.Sessions;

namespace ShanxiIdentity.Domain.Tests.Sessions;

/// <summary>What 登录记录 keeps of a sign-in's browser and address: short fixed names, masked addresses.</summary>
public sealed class SignInOriginTextTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome（Windows）")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge（Windows）")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox（macOS）")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari（macOS）")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari（iOS）")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN", "微信（iOS）")]
    [InlineData("Mozilla/5.0 (Linux; U; Android 13; zh-cn; V2203A Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.9 Mobile Safari/537.36", "QQ浏览器（Android）")]
    [InlineData("Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/16.6.5.1283 Mobile Safari/537.36", "UC浏览器（Android）")]
    [InlineData("Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300", "华为浏览器（HarmonyOS）")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome（Android）")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox（Linux）")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0 Safari/537.36 QQBrowser/10.8", "QQ浏览器（Windows）")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE", "360浏览器（Windows）")]
    [InlineData("curl/8.5.0", BrowserDescription.Unknown)]
    [InlineData("<script>alert(1)</script>", BrowserDescription.Unknown)]
    [InlineData("", BrowserDescription.Unknown)]
    [InlineData(null, BrowserDescription.Unknown)]
    public void A_user_agent_is_named_by_its_family_and_system_or_unknown(string? userAgent, string expected) =>
        Assert.Equal(expected, BrowserDescription.Describe(userAgent));

    [Theory]
    [InlineData("223.104.3.57", "223.104.3.*")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.*")]
    [InlineData("2409:8a00:1234:5678:9abc::1", "2409:8a00:1234:*")]
    [InlineData("::1", "0:0:0:*")]
    public void An_address_keeps_only_its_network_part(string address, string expected) =>
        Assert.Equal(expected, MaskedAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_none() => Assert.Null(MaskedAddress.Of(null));

    [Theory]
    [InlineData("pwd", "密码")]
    [InlineData("sms", "短信验证码")]
    [InlineData("pwd otp mfa", "密码、身份验证器、两步验证")]
    [InlineData("hwk mfa", "通行密钥、两步验证")]
    [InlineData("mca", "扫码")]
    [InlineData(null, SignInHistoryMessages.UnknownMethod)]
    [InlineData("xyz", SignInHistoryMessages.UnknownMethod)]
    public void Methods_are_named_in_chinese(string? amr, string expected) =>
        Assert.Equal(expected, SignInHistoryMessages.Methods(amr));
}
