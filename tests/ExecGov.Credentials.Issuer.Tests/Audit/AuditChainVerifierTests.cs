using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Issuer.Audit;

namespace ExecGov.Credentials.Issuer.Tests.Audit;

public sealed class AuditChainVerifierTests : IDisposable
{
    private readonly IssuerServices _services = new();

    [Fact]
    public void Chain_of_appended_records_is_intact()
    {
        Append(5);
        var report = AuditChainVerifier.Verify(_services.Store.Audit.FindAll());
        Assert.True(report.IsIntact);
        Assert.Equal(5, report.RecordCount);
        Assert.Equal(_services.Store.Audit.FindById(5).Hash, report.LastHash);
    }

    [Fact]
    public void Altered_details_are_reported_as_a_hash_mismatch_at_that_record()
    {
        Append(5);
        var record = _services.Store.Audit.FindById(3);
        record.Details = "{\"reason\":\"nothing to see\"}";
        _services.Store.Audit.Update(record);

        var report = AuditChainVerifier.Verify(_services.Store.Audit.FindAll());
        Assert.False(report.IsIntact);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("hash_mismatch", report.Problem);
    }

    [Fact]
    public void Record_rehashed_after_alteration_breaks_the_next_link()
    {
        Append(5);
        var record = _services.Store.Audit.FindById(2);
        record.Actor = "mallory";
        record.Hash = AuditCanonicalForm.ComputeHash(record);
        _services.Store.Audit.Update(record);

        var report = AuditChainVerifier.Verify(_services.Store.Audit.FindAll());
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal("previous_hash_mismatch", report.Problem);
    }

    [Fact]
    public void Deleted_record_is_reported_as_a_sequence_gap()
    {
        Append(5);
        _services.Store.Audit.Delete(4);

        var report = AuditChainVerifier.Verify(_services.Store.Audit.FindAll());
        Assert.Equal(4, report.FirstBrokenSequence);
        Assert.Equal("sequence_gap", report.Problem);
    }

    [Fact]
    public void Every_broken_record_is_reported_with_its_position_not_only_the_first()
    {
        Append(8);
        var altered = _services.Store.Audit.FindById(2);
        altered.Details = "{\"n\":99}";
        _services.Store.Audit.Update(altered);
        _services.Store.Audit.Delete(5);
        var later = _services.Store.Audit.FindById(7);
        later.Actor = "mallory";
        _services.Store.Audit.Update(later);

        var report = AuditChainVerifier.Verify(_services.Store.Audit.FindAll());

        Assert.False(report.IsIntact);
        Assert.Equal(7, report.RecordCount);
        Assert.Equal(
            [new AuditChainBreak(2, 2, "hash_mismatch"), new AuditChainBreak(5, 5, "sequence_gap"), new AuditChainBreak(7, 6, "hash_mismatch")],
            report.Breaks);
        Assert.Equal(2, report.FirstBrokenSequence);
    }

    [Theory]
    [InlineData("tester ")]
    [InlineData(" tester")]
    [InlineData("tester\u3000")]
    public void Record_with_leading_or_trailing_white_space_keeps_the_chain_intact(string actor)
    {
        _services.Store.Write<bool>(() =>
        {
            _services.Audit.Append(new AuditEntry("test_event", actor, Details: "{\"note\":\" spaced \"}"));
            return true;
        });

        // What is hashed is what is stored: LiteDB must not trim on the way in.
        var stored = _services.Store.Audit.FindById(1);
        Assert.Equal(actor, stored.Actor);
        Assert.True(AuditChainVerifier.Verify(_services.Store.Audit.FindAll()).IsIntact);
    }

    [Fact]
    public void Failed_unit_of_work_leaves_no_audit_record()
    {
        Append(1);
        var result = _services.Store.Write<bool>(() =>
        {
            _services.Audit.Append(new AuditEntry("test_event", "tester"));
            return Errors.IssuerResult<bool>.Fail(ErrorCode.InvalidRequest);
        });

        Assert.True(result.Failed);
        Assert.Equal(1, _services.Store.Audit.Count());
    }

    public void Dispose() => _services.Dispose();

    private void Append(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _services.Store.Write<bool>(() =>
            {
                _services.Audit.Append(new AuditEntry("test_event", "tester", Details: $"{{\"n\":{i}}}"));
                return true;
            });
            _services.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
