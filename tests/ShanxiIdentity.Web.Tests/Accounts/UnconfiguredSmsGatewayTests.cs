using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// Without <c>Sms:Gateway:Endpoint</c>, only Development and Testing deliver to the development phone;
/// a production start refuses each message, so the outbox keeps it for when a gateway is configured
/// instead of marking codes and counter notices sent (review of #20).
/// </summary>
public sealed class UnconfiguredSmsGatewayTests
{
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    public async Task Only_development_and_testing_take_a_message_without_a_gateway(string environment, bool delivered)
    {
        var phone = new DevelopmentPhone();
        var gateway = new DevelopmentSmsGateway(phone, new Environment(environment), TimeProvider.System, NullLogger<DevelopmentSmsGateway>.Instance);

        var taken = await gateway.DeliverAsync("13912345678", "【山西政务服务网】测试", CancellationToken.None);

        Assert.Equal(delivered, taken);
        Assert.Equal(delivered ? 1 : 0, phone.Newest(DevelopmentPhone.Kept).Count);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ShanxiIdentity.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
