using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Revocation;

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
        Assert.Equal(new StatusListReference { Index = 0, Uri = TestAllocator.ListUri }, issued.Status);
        var registration = Assert.Single(_services.Allocator.Registrations);
        Assert.Equal((issued.CredentialId, "sess-1", agent, IssuerServices.Admin.Subject, _services.Keys.ActiveKey.KeyId, issued.ExpiresAt),
            (registration.CredentialId, registration.SessionId, registration.AgentId, registration.AuthoriserSubject, registration.SigningKeyId, registration.ExpiresAt));
        Assert.Equal(0, _services.Store.Credentials.FindById(issued.CredentialId).StatusIndex);
    }

    [Theory]
    [InlineData(RevocationScope.Session)]
    [InlineData(RevocationScope.Authoriser)]
    [InlineData(RevocationScope.SigningKey)]
    public async Task Issuance_under_a_block_is_refused_and_records_nothing(RevocationScope scope)
    {
        var agent = _services.RegisterAgent();
        var audit = _services.Store.Audit.Count();
        _services.Allocator.BlockedBy = scope;

        var outcome = await _services.Issuer.RequestAsync(Read(agent, "sess-2"), CancellationToken.None);

        Assert.Equal(ErrorCode.IssuanceBlocked, outcome.Error?.Code);
        Assert.Equal(0, _services.Store.Credentials.Count());
        Assert.Equal(audit, _services.Store.Audit.Count());
    }

    public void Dispose() => _services.Dispose();

    private static IssuanceCommand Read(string agent, string session) =>
        new(agent, ["payments-api"], [new AuthorizationDetail { Actions = ["payments.read"], Constraints = new ActionConstraints { MaxAmount = 100m, Currency = "EUR" } }], 300, session, IssuerServices.Admin.Subject, IssuerServices.Admin.Name, IssuerServices.Admin.Person, SelfService: false);
}
