using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Domain.Tests.Agents;

public sealed class AgentAuthorizationTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTime Now = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Person = Guid.NewGuid();

    private static AgentAuthorization Granted(DateOnly? start = null, DateOnly? end = null, IReadOnlyList<string>? clients = null) =>
        AgentAuthorization.Grant(Guid.NewGuid(), "张伟", "140105199001011234", new AgentTerms(AgentRole.Agent, clients, start ?? Today, end ?? Today.AddDays(30)), Guid.NewGuid(), Now);

    [Fact]
    public void An_invitation_is_open_but_not_in_force_until_accepted()
    {
        var authorization = Granted();
        Assert.True(authorization.IsOpen(Today));
        Assert.False(authorization.IsInForce(Today));

        Assert.Null(authorization.Accept(Person, Today, Now));
        Assert.True(authorization.IsInForce(Today));
        Assert.Equal(Person, authorization.PersonAccountId);
    }

    [Fact]
    public void An_accepted_authorisation_is_in_force_from_its_first_to_its_last_day_only()
    {
        var authorization = Granted(Today.AddDays(2), Today.AddDays(5));
        authorization.Accept(Person, Today, Now);

        Assert.False(authorization.IsInForce(Today.AddDays(1)));
        Assert.True(authorization.IsInForce(Today.AddDays(2)));
        Assert.True(authorization.IsInForce(Today.AddDays(5)));
        Assert.False(authorization.IsInForce(Today.AddDays(6)));
    }

    [Fact]
    public void Only_an_invitation_is_answered_and_only_once()
    {
        var authorization = Granted();
        Assert.Null(authorization.Decline(Person, Today, Now));
        Assert.Equal(AgentAuthorizationStatus.Declined, authorization.Status);
        Assert.Equal(AgentMessages.NotInvited, authorization.Accept(Person, Today, Now));
        Assert.Equal(AgentMessages.NotInvited, authorization.Decline(Person, Today, Now));
    }

    [Fact]
    public void A_withdrawn_authorisation_can_be_neither_accepted_nor_changed_nor_withdrawn_again()
    {
        var authorization = Granted();
        Assert.Null(authorization.Withdraw(Today, Now));

        Assert.False(authorization.IsOpen(Today));
        Assert.Equal(AgentMessages.NotInvited, authorization.Accept(Person, Today, Now));
        Assert.Equal(AgentMessages.Ended, authorization.Change(authorization.Terms, Today));
        Assert.Equal(AgentMessages.Ended, authorization.Withdraw(Today, Now));
    }

    [Fact]
    public void Every_change_gives_a_new_version()
    {
        var authorization = Granted();
        var versions = new HashSet<Guid> { authorization.Version };
        authorization.Change(authorization.Terms with { Role = AgentRole.Administrator }, Today);
        Assert.True(versions.Add(authorization.Version));
        authorization.Accept(Person, Today, Now);
        Assert.True(versions.Add(authorization.Version));
        authorization.Withdraw(Today, Now);
        Assert.True(versions.Add(authorization.Version));
    }

    [Fact]
    public void Expiry_is_recorded_only_after_the_last_day_and_clears_the_default()
    {
        var authorization = Granted(end: Today);
        authorization.Accept(Person, Today, Now);
        authorization.IsDefault = true;

        Assert.False(authorization.Expire(Today, Now));
        Assert.True(authorization.Expire(Today.AddDays(1), Now));
        Assert.Equal(AgentAuthorizationStatus.Expired, authorization.Status);
        Assert.False(authorization.IsDefault);
        Assert.False(authorization.Expire(Today.AddDays(2), Now));
    }

    [Fact]
    public void Chosen_systems_are_covered_and_others_are_not_while_all_systems_cover_any()
    {
        var chosen = Granted(clients: ["tax", "social"]);
        Assert.True(chosen.Covers("tax"));
        Assert.False(chosen.Covers("tax-bureau"));
        Assert.False(chosen.Covers("ta"));
        Assert.True(Granted().Covers("anything"));
    }

    [Fact]
    public void The_invitation_names_the_person_by_name_and_number_together()
    {
        var authorization = Granted();
        Assert.True(authorization.Names("张伟", "140105199001011234"));
        Assert.False(authorization.Names("张玮", "140105199001011234"));
        Assert.False(authorization.Names("张伟", "140105199001011242"));
    }
}
