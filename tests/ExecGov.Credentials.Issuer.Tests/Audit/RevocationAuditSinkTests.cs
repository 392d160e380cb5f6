using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Tests.Audit;

public sealed class RevocationAuditSinkTests : IDisposable
{
    private readonly IssuerServices _services = new();

    [Fact]
    public async Task Revocation_act_lands_in_the_chain_naming_what_it_covers()
    {
        var sink = new RevocationAuditSink(_services.Store, _services.Audit);
        await sink.RecordAsync(new RevocationAuditRecord
        {
            ActId = 7,
            Request = new RevocationRequest { Scope = RevocationScope.Session, Target = "sess-42", Action = RevocationAction.Revoke, Responder = "responder-raj", Reason = "leaked" },
            Result = new RevocationResult { ActId = 7, Covered = 3, Changed = 3, ChangedAt = _services.Time.GetUtcNow() },
        }, CancellationToken.None);

        var record = Assert.Single(_services.Store.Audit.FindAll());
        Assert.Equal("revocation_recorded", record.Kind);
        Assert.Equal("responder-raj", record.Actor);
        Assert.Equal("sess-42", record.SessionId);
        Assert.Contains("\"covered\":3", record.Details, StringComparison.Ordinal);
        Assert.True(AuditChainVerifier.Verify(_services.Store.Audit.FindAll()).IsIntact);
    }

    public void Dispose() => _services.Dispose();
}
