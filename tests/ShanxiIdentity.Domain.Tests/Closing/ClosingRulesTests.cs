using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Domain.Tests.Closing;

public sealed class ClosingRulesTests
{
    private static readonly DateTime Requested = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ClosingBlocker Agent = new(ClosingMessages.OpenAgent("张*", "经办人", "已接受", "2026-12-31"), ClosingMessages.OpenAgentWhere);

    [Theory]
    [InlineData(0, true)]
    [InlineData(15, true)]
    [InlineData(21, true)]
    [InlineData(22, false)]
    [InlineData(-1, false)]
    public void The_cooling_off_stays_within_GB_T_35273_s_fifteen_working_days(int days, bool valid) =>
        Assert.Equal(valid, ClosingRules.IsValidCoolingOff(days));

    [Fact]
    public void The_closing_is_due_once_the_cooling_off_has_passed_and_not_a_moment_before()
    {
        var due = ClosingRules.DueAt(Requested, ClosingRules.DefaultCoolingOffDays);

        Assert.Equal(Requested.AddDays(15), due);
        Assert.False(ClosingRules.IsDue(due, due.AddTicks(-1)));
        Assert.True(ClosingRules.IsDue(due, due));
        Assert.False(ClosingRules.IsDue(null, due.AddYears(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClosingRules.DueAt(Requested, 22));
    }

    [Fact]
    public void A_request_is_refused_while_one_is_pending_after_closing_and_while_anything_must_end_first()
    {
        Assert.Null(ClosingRules.RequestRefusal(null, null, []));
        Assert.Equal(ClosingMessages.Blocked, ClosingRules.RequestRefusal(null, null, [Agent]));
        Assert.Equal(ClosingMessages.AlreadyRequested, ClosingRules.RequestRefusal(Requested, null, []));
        Assert.Equal(ClosingMessages.AlreadyClosed, ClosingRules.RequestRefusal(Requested, Requested, []));
    }

    [Fact]
    public void Only_a_pending_closing_can_be_cancelled()
    {
        Assert.Null(ClosingRules.CancelRefusal(Requested, null));
        Assert.Equal(ClosingMessages.NotClosing, ClosingRules.CancelRefusal(null, null));
        Assert.Equal(ClosingMessages.AlreadyClosed, ClosingRules.CancelRefusal(Requested, Requested.AddDays(15)));
    }

    [Fact]
    public void The_counter_s_refusal_names_each_thing_to_end_and_where()
    {
        var request = new ClosingBlocker(ClosingMessages.OpenCounterRequest("修改预留手机号", "待审核", "2026-11-30"), ClosingMessages.OpenCounterRequestWhere);

        Assert.Equal(
            "请先结束以下事项，再申请注销账号：张*的经办人授权（已接受，至2026-12-31）（请在“经办人管理”中撤回）；政务大厅“修改预留手机号”申请（2026-11-30创建，待审核）（请联系办理的政务大厅办结或驳回）",
            ClosingMessages.CounterBlocked([Agent, request]));
    }

    [Fact]
    public void Closing_at_the_counter_is_a_modification_offered_for_every_account_last()
    {
        Assert.Equal(CounterChangeKind.CloseAccount, CounterNames.ModificationsFor(legalEntity: false)[^1]);
        Assert.Equal(CounterChangeKind.CloseAccount, CounterNames.ModificationsFor(legalEntity: true)[^1]);
        Assert.Equal(CounterOperation.Modify, CounterChangeKind.CloseAccount.Operation());
        Assert.Equal("注销账号", CounterChangeKind.CloseAccount.DisplayName());
    }
}
