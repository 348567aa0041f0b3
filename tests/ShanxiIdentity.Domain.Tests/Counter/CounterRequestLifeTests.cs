using System.Text;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Counter;
using static ShanxiIdentity.Domain.Tests.Counter.CounterRequestBuilder;

namespace ShanxiIdentity.Domain.Tests.Counter;

/// <summary>A counter request from draft to applied or rejected: each step, and each step refused.</summary>
public sealed class CounterRequestLifeTests
{
    [Fact]
    public void Ticking_a_material_records_when_and_unticking_clears_it()
    {
        var request = Draft();

        Assert.Null(request.Tick(1, isChecked: true, Now));
        Assert.True(request.Materials[0].CheckedAgainstOriginal);
        Assert.Equal(Now, request.Materials[0].CheckedAt);

        Assert.Null(request.Tick(1, isChecked: false, Now));
        Assert.False(request.Materials[0].CheckedAgainstOriginal);
        Assert.Null(request.Materials[0].CheckedAt);
    }

    [Fact]
    public void Ticking_a_material_the_checklist_does_not_have_is_refused()
    {
        var request = Draft();

        Assert.Equal(CounterMessages.NotEditable, request.Tick(request.Materials.Count + 1, isChecked: true, Now)?.Message);
    }

    [Fact]
    public void A_scan_is_archived_sealed_hashed_and_named_by_what_it_really_is()
    {
        var request = Draft();

        Assert.Null(request.AttachScan(1, "身份证复印件.pdf", Png, Seal, Clerk, Now));

        var scan = request.Materials[0].Scan!;
        Assert.Equal("身份证复印件.png", scan.FileName);
        Assert.Equal("image/png", scan.ContentType);
        Assert.Equal(Png.Length, scan.Length);
        Assert.Equal(Seal(Png), scan.Content);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), scan.Sha256);
        Assert.Equal(Clerk, scan.UploadedByStaffId);
    }

    [Fact]
    public void A_scan_that_is_not_a_plain_pdf_jpeg_or_png_is_refused_on_the_scan_field_and_nothing_is_attached()
    {
        var request = Draft();

        var refusal = request.AttachScan(1, "scan.png", Encoding.UTF8.GetBytes("这不是扫描件"), Seal, Clerk, Now);

        Assert.Equal(new CounterRefusal(CounterMessages.ScanWrongType, "Scan"), refusal);
        Assert.Null(request.Materials[0].Scan);
    }

    [Fact]
    public void Submitting_with_materials_unticked_or_unscanned_is_refused_with_each_one_missing()
    {
        var request = Draft();
        Assert.Null(request.Tick(1, isChecked: true, Now));

        var refusal = request.Submit(Now, Today);

        Assert.Equal(CounterMessages.MaterialsIncomplete, refusal?.Message);
        Assert.Contains(CounterMessages.MaterialUnscanned(1), refusal!.Missing);
        Assert.DoesNotContain(CounterMessages.MaterialUnchecked(1), refusal.Missing);
        Assert.Contains(CounterMessages.MaterialUnchecked(2), refusal.Missing);
        Assert.Equal(CounterRequestStatus.Draft, request.Status);
        Assert.Null(request.SubmittedAt);
    }

    [Fact]
    public void A_complete_draft_is_submitted_on_the_day_and_can_no_longer_be_edited()
    {
        var request = Draft().Completed();

        Assert.Null(request.Submit(Now, Today));

        Assert.Equal(CounterRequestStatus.Submitted, request.Status);
        Assert.Equal(Now, request.SubmittedAt);
        Assert.Equal(CounterMessages.NotEditable, request.Tick(1, isChecked: false, Now)?.Message);
        Assert.Equal(CounterMessages.NotEditable, request.AttachScan(1, "again.png", Png, Seal, Clerk, Now)?.Message);
        Assert.Equal(CounterMessages.NotEditable, request.Submit(Now, Today)?.Message);
    }

    [Fact]
    public void An_agent_s_letter_that_runs_out_before_submission_is_refused_at_submission()
    {
        var account = Citizen();
        var letter = Today.AddDays(-20);
        var request = Draft(PhoneChange(account).ByAgent("赵六", "110105194912310021", letter), account).Completed();
        var later = Today.AddDays(15);

        var refusal = request.Submit(Now.AddDays(15), later);

        Assert.Equal(CounterMessages.MaterialsIncomplete, refusal?.Message);
        Assert.Equal([CounterMessages.LetterExpired(AuthorizationLetter.LastValidDay(letter))], refusal!.Missing);
    }

    [Fact]
    public void Another_supervisor_approves_a_submitted_request_and_it_is_then_applied()
    {
        var request = Draft().Submitted();

        Assert.Null(request.Approve(Supervisor, Now));
        Assert.Equal(CounterRequestStatus.Approved, request.Status);
        Assert.Equal(Supervisor, request.DecidedByStaffId);
        Assert.Equal(Now, request.DecidedAt);

        request.MarkApplied(Now);
        Assert.Equal(CounterRequestStatus.Applied, request.Status);
        Assert.Equal(Now, request.AppliedAt);
    }

    [Fact]
    public void The_clerk_who_opened_a_request_cannot_approve_or_reject_it()
    {
        var request = Draft().Submitted();

        Assert.Equal(CounterMessages.OwnRequest, request.Approve(Clerk, Now)?.Message);
        Assert.Equal(CounterMessages.OwnRequest, request.Reject(Clerk, "材料不清晰", Now)?.Message);
        Assert.Equal(CounterRequestStatus.Submitted, request.Status);
        Assert.Null(request.DecidedByStaffId);
    }

    [Fact]
    public void A_draft_cannot_be_decided()
    {
        var request = Draft().Completed();

        Assert.Equal(CounterMessages.NotAwaitingDecision, request.Approve(Supervisor, Now)?.Message);
        Assert.Equal(CounterMessages.NotAwaitingDecision, request.Reject(Supervisor, "材料不清晰", Now)?.Message);
        Assert.Equal(CounterRequestStatus.Draft, request.Status);
    }

    [Fact]
    public void A_rejection_without_a_reason_is_refused_on_the_reason_field()
    {
        var request = Draft().Submitted();

        Assert.Equal(new CounterRefusal(CounterMessages.RejectionReasonRequired, "Reason"), request.Reject(Supervisor, "  ", Now));
        Assert.Equal(new CounterRefusal(CounterMessages.RejectionReasonRequired, "Reason"), request.Reject(Supervisor, null, Now));
        Assert.Equal(CounterRequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void A_rejection_keeps_its_reason_trimmed_and_within_the_limit()
    {
        var request = Draft().Submitted();

        Assert.Null(request.Reject(Supervisor, "  身份证复印件未签字" + new string('。', CounterRequest.MaxDecisionNote), Now));

        Assert.Equal(CounterRequestStatus.Rejected, request.Status);
        Assert.Equal(Supervisor, request.DecidedByStaffId);
        Assert.StartsWith("身份证复印件未签字", request.DecisionNote, StringComparison.Ordinal);
        Assert.Equal(CounterRequest.MaxDecisionNote, request.DecisionNote!.Length);
    }

    [Fact]
    public void A_decided_request_is_closed_to_every_further_step()
    {
        var rejected = Draft().Submitted();
        Assert.Null(rejected.Reject(Supervisor, "材料不清晰", Now));
        var applied = Draft().Submitted();
        Assert.Null(applied.Approve(Supervisor, Now));
        applied.MarkApplied(Now);

        foreach (var closed in new[] { rejected, applied })
        {
            Assert.Equal(CounterMessages.NotAwaitingDecision, closed.Approve(Guid.NewGuid(), Now)?.Message);
            Assert.Equal(CounterMessages.NotAwaitingDecision, closed.Reject(Guid.NewGuid(), "再次驳回", Now)?.Message);
            Assert.Equal(CounterMessages.NotEditable, closed.Tick(1, isChecked: false, Now)?.Message);
            Assert.Equal(CounterMessages.NotEditable, closed.Submit(Now, Today)?.Message);
        }

        Assert.Equal("材料不清晰", rejected.DecisionNote);
        Assert.Throws<InvalidOperationException>(() => rejected.MarkApplied(Now));
    }

    [Fact]
    public void Only_an_approved_registration_takes_the_account_it_created()
    {
        var registration = Draft(PersonRegistration(new CounterChange { Name = "王五", NewPhone = "13912345678", IdNumber = "11010519491231002X" })).Submitted();
        var created = Guid.NewGuid();
        Assert.Throws<InvalidOperationException>(() => registration.RegisteredAs(created));

        Assert.Null(registration.Approve(Supervisor, Now));
        registration.RegisteredAs(created);

        Assert.Equal(created, registration.AccountId);
        Assert.Throws<InvalidOperationException>(() => Draft().Submitted().RegisteredAs(created));
    }
}
