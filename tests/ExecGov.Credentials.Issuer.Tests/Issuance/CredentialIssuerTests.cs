using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Tests.Issuance;

public sealed class CredentialIssuerTests : IDisposable
{
    private readonly IssuerServices _services = new();

    [Fact]
    public async Task Every_issued_credential_carries_its_allocated_status_entry()
    {
        var agent = _services.RegisterAgent();

        var outcome = await _services.Issuer.RequestAsync(Read(agent, "sess-1"), CancellationToken.None);

        var issued = outcome.Value!.Issued!;
        var stored = _services.Store.Credentials.FindById(issued.CredentialId);
        Assert.Equal(new StatusListReference { Index = stored.StatusIndex, Uri = "http://127.0.0.1:5080/status-lists/1" }, issued.Status);
        Assert.Equal((issued.CredentialId, "sess-1", agent, IssuerServices.Admin.Subject, _services.Keys.ActiveKey.KeyId, issued.ExpiresAt.ToUnixTimeSeconds(), 0),
            (stored.Id, stored.SessionId, stored.AgentId, stored.AuthoriserSubject, stored.KeyId, stored.Expires, stored.Status));
        Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.CredentialIssued && a.CredentialId == issued.CredentialId));
    }

    [Theory]
    [InlineData(RevocationScope.Session)]
    [InlineData(RevocationScope.Authoriser)]
    [InlineData(RevocationScope.SigningKey)]
    public async Task Issuance_under_a_block_is_refused_and_records_nothing(RevocationScope scope)
    {
        var agent = _services.RegisterAgent();
        var target = scope switch
        {
            RevocationScope.Session => "sess-2",
            RevocationScope.Authoriser => IssuerServices.Admin.Subject,
            _ => _services.Keys.ActiveKey.KeyId,
        };
        await _services.Revocations.ApplyAsync(
            new RevocationRequest { Scope = scope, Target = target, Action = RevocationAction.Suspend, Responder = "responder-raj", Reason = "incident" },
            null, CancellationToken.None);
        var audit = _services.Store.Audit.Count();
        var allocated = _services.Store.Lists.FindById(1).Allocated;

        var outcome = await _services.Issuer.RequestAsync(Read(agent, "sess-2"), CancellationToken.None);

        Assert.Equal(ErrorCode.IssuanceBlocked, outcome.Error?.Code);
        Assert.Equal(0, _services.Store.Credentials.Count());
        Assert.Equal(audit, _services.Store.Audit.Count());
        Assert.Equal(allocated, _services.Store.Lists.FindById(1).Allocated);
    }

    [Fact]
    public async Task A_failure_after_allocation_rolls_back_the_index_the_credential_and_the_audit_record_together()
    {
        var audit = _services.Store.Audit.Count();
        var rolledBack = new CredentialDocument { Id = "cred-rolled-back", SessionId = "sess-3", AgentId = "agent-x", AuthoriserSubject = "ada", KeyId = "key-1", Expires = 2_000_000_000 };

        await Assert.ThrowsAsync<InvalidOperationException>(() => _services.Store.WriteAsync<bool>(tx =>
        {
            _services.Revocations.Register(tx, rolledBack);
            _services.Audit.Append(new AuditEntry(AuditEventKinds.CredentialIssued, "ada", "agent-x", rolledBack.Id));
            throw new InvalidOperationException("signing failed");
        }, CancellationToken.None));

        Assert.Null(_services.Store.Credentials.FindById(rolledBack.Id));
        Assert.Equal(audit, _services.Store.Audit.Count());
        Assert.Equal(0, _services.Store.Lists.FindById(1).Allocated);

        // The index the failed unit took is handed out again: none is lost, none is shared.
        var next = new CredentialDocument { Id = "cred-next", SessionId = "sess-3", AgentId = "agent-x", AuthoriserSubject = "ada", KeyId = "key-1", Expires = 2_000_000_000 };
        var reference = await _services.Store.WriteAsync(tx => _services.Revocations.Register(tx, next), CancellationToken.None);
        Assert.Equal(rolledBack.StatusIndex, reference.Index);
        Assert.Equal(1, _services.Store.Lists.FindById(1).Allocated);
        Assert.True(AuditChainVerifier.Verify(_services.Store.Audit.FindAll()).IsIntact);
    }

    public void Dispose() => _services.Dispose();

    private static IssuanceCommand Read(string agent, string session) =>
        new(agent, ["payments-api"], [new AuthorizationDetail { Actions = ["payments.read"], Constraints = new ActionConstraints { MaxAmount = 100m, Currency = "EUR" } }], 300, session, IssuerServices.Admin.Subject, IssuerServices.Admin.Name, IssuerServices.Admin.Person, SelfService: false);
}
