using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Issuance;

namespace ExecGov.Credentials.Issuer.Tests.Approvals;

public sealed class ApprovalServiceTests : IDisposable
{
    private readonly IssuerServices _services = new(options => options.ApprovalTimeToLive = TimeSpan.FromMinutes(30));

    [Fact]
    public async Task Pending_request_expires_after_its_time_to_live_and_can_no_longer_be_approved()
    {
        var approvalId = await RequestAsync();
        _services.Time.Advance(TimeSpan.FromMinutes(30));

        var late = _services.Approvals.Decide(approvalId, approve: true, reason: null, IssuerServices.Approver);

        Assert.Equal(ErrorCode.ApprovalExpired, late.Error?.Code);
        Assert.Equal("expired", _services.Approvals.Get(approvalId).Value!.Status);
        Assert.Contains(_services.Approvals.List("expired"), a => a.ApprovalId == approvalId);
        Assert.DoesNotContain(_services.Approvals.List("pending"), a => a.ApprovalId == approvalId);
    }

    [Fact]
    public async Task Pending_request_one_second_before_expiry_can_still_be_approved()
    {
        var approvalId = await RequestAsync();
        _services.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));

        Assert.False(_services.Approvals.Decide(approvalId, approve: true, reason: "ok", IssuerServices.Approver).Failed);
    }

    [Fact]
    public async Task Approved_request_not_collected_in_time_expires()
    {
        var approvalId = await RequestAsync();
        Assert.False(_services.Approvals.Decide(approvalId, approve: true, reason: null, IssuerServices.Approver).Failed);
        _services.Time.Advance(TimeSpan.FromMinutes(31));

        var collected = await _services.Approvals.CollectAsync(approvalId, IssuerServices.Admin.Subject, CancellationToken.None);

        Assert.Equal(ErrorCode.ApprovalExpired, collected.Error?.Code);
    }

    [Fact]
    public async Task Requester_cannot_decide_their_own_request_either_way()
    {
        var approvalId = await RequestAsync();

        Assert.Equal(ErrorCode.SelfApprovalForbidden, _services.Approvals.Decide(approvalId, true, null, IssuerServices.Admin).Error?.Code);
        Assert.Equal(ErrorCode.SelfApprovalForbidden, _services.Approvals.Decide(approvalId, false, null, IssuerServices.Admin).Error?.Code);
        Assert.Equal("pending", _services.Approvals.Get(approvalId).Value!.Status);
    }

    [Fact]
    public async Task Only_the_requester_collects_and_only_once()
    {
        var approvalId = await RequestAsync();
        _services.Approvals.Decide(approvalId, true, null, IssuerServices.Approver);

        Assert.Equal(ErrorCode.NotRequester, (await _services.Approvals.CollectAsync(approvalId, "someone-else", CancellationToken.None)).Error?.Code);
        var first = await _services.Approvals.CollectAsync(approvalId, IssuerServices.Admin.Subject, CancellationToken.None);
        Assert.Equal("approver-ines", first.Value!.Credential!.Authoriser.Subject);
        Assert.Equal(approvalId, first.Value.Credential.Authoriser.ApprovalId);
        Assert.Equal(ErrorCode.ApprovalNotApproved, (await _services.Approvals.CollectAsync(approvalId, IssuerServices.Admin.Subject, CancellationToken.None)).Error?.Code);
    }

    public void Dispose() => _services.Dispose();

    private async Task<string> RequestAsync()
    {
        var agent = _services.RegisterAgent();
        var outcome = await _services.Issuer.RequestAsync(
            new IssuanceCommand(agent, ["payments-api"], IssuerServices.Release(), null, null, IssuerServices.Admin.Subject, IssuerServices.Admin.Name, IssuerServices.Admin.Person, SelfService: false),
            CancellationToken.None);
        Assert.NotNull(outcome.Value?.Pending);
        return outcome.Value!.Pending!.ApprovalId;
    }
}
