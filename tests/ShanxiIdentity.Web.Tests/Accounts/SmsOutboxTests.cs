using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// The SMS outbox through the real forms and database: a code's message is written with the code,
/// delivered by the worker's drain with quick retries and a growing wait between tries while the
/// gateway is down, each message exactly once, and no code readable from the table.
/// </summary>
public abstract partial class SmsOutboxTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static readonly TimeSpan FirstWait = new SmsDeliveryOptions().FirstWait;

    [Fact]
    public async Task Codes_sent_while_the_gateway_is_down_are_each_delivered_exactly_once_after_it_returns()
    {
        var phones = new[] { Citizen.NewPhone(), Citizen.NewPhone(), Citizen.NewPhone() };
        await WhileDownAsync(async () =>
        {
            foreach (var phone in phones)
            {
                await SendRegistrationCodeAsync(phone);
            }

            await factory.DeliverSmsAsync();
        });
        Assert.All(await MessagesToAsync(phones), m =>
        {
            Assert.Null(m.DeliveredAt);
            Assert.Equal(1, m.FailedAttempts);
            Assert.NotNull(m.Text);
        });

        // The gateway is back, but each message first waits out its wait after the failed try.
        await factory.DeliverSmsAsync();
        Assert.All(phones, phone => Assert.Empty(Received(phone)));
        factory.Clock.Advance(FirstWait);
        await factory.DeliverSmsAsync();
        await factory.DeliverSmsAsync();

        Assert.All(phones, phone => Assert.Single(Received(phone)));
        Assert.All(await MessagesToAsync(phones), m =>
        {
            Assert.NotNull(m.DeliveredAt);
            Assert.Null(m.Text);
            Assert.Null(m.NextAttemptAt);
            Assert.Null(m.ClaimedBy);
        });
    }

    [Fact]
    public async Task A_registration_code_sent_during_a_gateway_blip_still_arrives()
    {
        var refusedBefore = factory.SmsNetwork.Refused;
        factory.SmsNetwork.FailNext(2); // fewer than the quick retries of one try

        var (citizen, _) = await factory.RegisteredCitizenAsync();

        Assert.Equal(refusedBefore + 2, factory.SmsNetwork.Refused);
        Assert.Single(Received(citizen.Phone));
    }

    [Fact]
    public async Task A_reset_code_sent_while_the_gateway_is_down_arrives_after_the_wait_and_resets_the_password()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration sent this phone a code a moment ago
        factory.SmsNetwork.Down = true;
        try
        {
            var (_, reset) = await factory.NewSession().ResetPasswordAsync(
                citizen.IdNumber,
                async () =>
                {
                    await factory.DeliverSmsAsync();
                    Assert.Single(Received(citizen.Phone)); // the registration code only
                    factory.SmsNetwork.Down = false;
                    factory.Clock.Advance(FirstWait);
                    return await factory.LatestSmsCodeAsync(citizen.Phone);
                },
                "Outbox#Reset7Qp");

            Assert.Equal("/account/login", reset.Location);
            Assert.Equal(2, Received(citizen.Phone).Count);
        }
        finally
        {
            factory.SmsNetwork.Down = false;
        }
    }

    [Fact]
    public async Task A_code_the_gateway_cannot_take_within_its_lifetime_is_never_sent_and_not_kept()
    {
        var phone = Citizen.NewPhone();
        await WhileDownAsync(async () =>
        {
            await SendRegistrationCodeAsync(phone);
            for (var waited = TimeSpan.Zero; waited <= SmsCodeService.Lifetime; waited += TimeSpan.FromSeconds(30))
            {
                await factory.DeliverSmsAsync();
                factory.Clock.Advance(TimeSpan.FromSeconds(30));
            }
        });
        await factory.DeliverSmsAsync();

        var message = Assert.Single(await MessagesToAsync([phone]));
        Assert.Null(message.DeliveredAt);
        Assert.Null(message.NextAttemptAt);
        Assert.Null(message.Text);
        Assert.StartsWith("expired", message.DeliveryError, StringComparison.Ordinal);
        Assert.Empty(Received(phone));
    }

    [Fact]
    public async Task The_outbox_keeps_a_code_only_encrypted_and_drops_it_once_delivered()
    {
        var phone = Citizen.NewPhone();
        await WhileDownAsync(async () =>
        {
            await SendRegistrationCodeAsync(phone);
            await factory.DeliverSmsAsync();
        });
        var message = Assert.Single(await MessagesToAsync([phone]));
        var code = SixDigits().Match(message.Text!).Value;

        var stored = await StoredTextAsync(message.Id);
        Assert.StartsWith(PersonalData.Cipher.CurrentPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);

        factory.Clock.Advance(FirstWait);
        await factory.DeliverSmsAsync();
        Assert.Null(await StoredTextAsync(message.Id));
        Assert.Contains(code, Assert.Single(Received(phone)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_the_portal_cannot_decrypt_is_given_up_and_holds_back_no_other_message()
    {
        // Written around the portal (in clear), due before the real code: a batch used to fail on it at every lease.
        var due = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var marker = "unreadable-" + Guid.NewGuid().ToString("N")[..8];
        await factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"SmsOutbox\" (\"Phone\", \"Text\", \"Purpose\", \"CreatedAt\", \"NextAttemptAt\", \"FailedAttempts\") VALUES ({"13900000000"}, {"written in clear"}, {marker}, {due}, {due}, {0})"));
        var phone = Citizen.NewPhone();
        await SendRegistrationCodeAsync(phone);

        await factory.DeliverSmsAsync();

        Assert.Single(Received(phone));
        Assert.Equal("unreadable: the row cannot be decrypted", await StoredAsync("DeliveryError", marker));
        Assert.Null(await StoredAsync("Text", marker));
        Assert.Null(await StoredAsync("NextAttemptAt", marker));
    }

    private List<DeliveredSms> Received(string phone) =>
        [.. factory.Services.GetRequiredService<DevelopmentPhone>().Newest(DevelopmentPhone.Kept).Where(m => m.Phone == phone)];

    private async Task WhileDownAsync(Func<Task> work)
    {
        factory.SmsNetwork.Down = true;
        try
        {
            await work();
        }
        finally
        {
            factory.SmsNetwork.Down = false;
        }
    }

    private async Task SendRegistrationCodeAsync(string phone)
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(CitizenJourney.RegisterUrl);
        var (sent, message) = await session.SendSmsAsync(page, CitizenJourney.RegisterUrl, CitizenJourney.RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = phone });
        Assert.True(sent, message);
    }

    private async Task<List<SmsMessage>> MessagesToAsync(IEnumerable<string> phones)
    {
        var messages = new List<SmsMessage>();
        foreach (var phone in phones)
        {
            messages.AddRange(await factory.QueryAsync(db => db.SmsOutbox.AsNoTracking().Where(m => m.Phone == phone).ToListAsync()));
        }

        return messages;
    }

    /// <summary>The Text column as stored, past the model's decryption.</summary>
    private Task<string?> StoredTextAsync(long id) => factory.QueryAsync(async db =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {sql.DelimitIdentifier("Text")} FROM {sql.DelimitIdentifier("SmsOutbox")} WHERE {sql.DelimitIdentifier("Id")} = {id}";
        return await command.ExecuteScalarAsync() as string;
    });

    /// <summary>A column of the row of <paramref name="purpose"/> as stored, for a row the model cannot read.</summary>
    private Task<string?> StoredAsync(string column, string purpose) => factory.QueryAsync(async db =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {sql.DelimitIdentifier(column)} FROM {sql.DelimitIdentifier("SmsOutbox")} WHERE {sql.DelimitIdentifier("Purpose")} = '{purpose}'";
        return (await command.ExecuteScalarAsync()) is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    });

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}

public sealed class SmsOutboxTestsOnSqlite(SqlitePortalFactory factory) : SmsOutboxTests<SqlitePortalFactory>(factory);

public sealed class SmsOutboxTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SmsOutboxTests<PostgreSqlPortalFactory>(factory);

/// <summary>
/// A counter security notice lost to a gateway outage is sent when it returns (its own class: the
/// staff's authenticator codes need a clock no other test has moved).
/// </summary>
public abstract class SmsOutboxCounterNoticeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_counter_phone_change_notice_approved_while_the_gateway_is_down_reaches_the_new_phone_once_it_returns()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var newPhone = Citizen.NewPhone();
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber))}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = newPhone,
        });
        var requestUrl = opened.Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>());

        factory.SmsNetwork.Down = true;
        try
        {
            var approved = await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());
            Assert.Equal(requestUrl, approved.Location); // the change does not wait for the gateway
            await factory.DeliverSmsAsync();
        }
        finally
        {
            factory.SmsNetwork.Down = false;
        }

        var phone = factory.Services.GetRequiredService<DevelopmentPhone>();
        Assert.DoesNotContain(phone.Newest(DevelopmentPhone.Kept), m => m.Phone == newPhone);

        factory.Clock.Advance(new SmsDeliveryOptions().FirstWait);
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.ReservedPhoneChangedAtCounter, Assert.Single(phone.Newest(DevelopmentPhone.Kept), m => m.Phone == newPhone).Text);
    }
}

public sealed class SmsOutboxCounterNoticeTestsOnSqlite(SqlitePortalFactory factory) : SmsOutboxCounterNoticeTests<SqlitePortalFactory>(factory);

public sealed class SmsOutboxCounterNoticeTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SmsOutboxCounterNoticeTests<PostgreSqlPortalFactory>(factory);

/// <summary>Two instances of the portal draining one PostgreSQL outbox at once, as behind a load balancer.</summary>
public sealed class SmsOutboxTwoInstanceTests(PostgreSqlPortalFactory factory) : IClassFixture<PostgreSqlPortalFactory>
{
    [Fact]
    public async Task Two_instances_draining_one_outbox_deliver_every_message_exactly_once()
    {
        await using var second = new SameDatabasePortalFactory(factory);
        await second.InitializeAsync();
        var phones = Enumerable.Range(0, 45).Select(_ => Citizen.NewPhone()).ToList();

        // Queued while the gateway is down, and failed once by both instances: all due again together.
        factory.SmsNetwork.Down = true;
        try
        {
            await using (var scope = factory.CreateScope())
            {
                var outbox = scope.ServiceProvider.GetRequiredService<SmsOutbox>();
                foreach (var phone in phones)
                {
                    outbox.Add(phone, "【山西政务服务网】出件箱测试 " + phone, SmsPurpose.CounterNotice);
                }

                await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            }

            await Task.WhenAll(factory.DeliverSmsAsync(), second.DeliverSmsAsync());
        }
        finally
        {
            factory.SmsNetwork.Down = false;
        }

        // Two workers in each instance, each claiming one message at a time (as Sms:Delivery:BatchSize=1
        // would): every claim races three others for the same rows.
        var workers = new PortalFactory[] { factory, second, factory, second }.Select(host =>
        {
            host.Services.GetRequiredService<IOptions<SmsDeliveryOptions>>().Value.BatchSize = 1;
            return ActivatorUtilities.CreateInstance<SmsDelivery>(host.Services);
        }).ToList();
        factory.SmsNetwork.Latency = TimeSpan.FromMilliseconds(2);
        var wait = new SmsDeliveryOptions().FirstWait;
        factory.Clock.Advance(wait);
        second.Clock.Advance(wait);
        await Task.WhenAll(workers.Select(w => w.DeliverDueAsync(CancellationToken.None)));
        await Task.WhenAll(factory.DeliverSmsAsync(), second.DeliverSmsAsync()); // and what the hosted workers had under way
        workers.ForEach(w => w.Dispose());

        var received = factory.Services.GetRequiredService<DevelopmentPhone>().Newest(DevelopmentPhone.Kept);
        Assert.All(phones, phone => Assert.Single(received, m => m.Phone == phone));
        Assert.Equal(0, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.DeliveredAt == null)));
    }
}
