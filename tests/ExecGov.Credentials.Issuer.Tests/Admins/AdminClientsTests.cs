using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Http;

namespace ExecGov.Credentials.Issuer.Tests.Admins;

public sealed class AdminClientsTests : IDisposable
{
    private readonly IssuerServices _services = new();

    [Fact]
    public void An_approver_client_is_created_only_when_another_person_approves_it()
    {
        var key = Ed25519SigningKey.Generate();
        var outcome = _services.Clients.Create(new CreateAdminClientRequest
        {
            ClientId = "approver-omar",
            DisplayName = "Omar",
            Person = "omar",
            Roles = [AdminRoles.Approver],
            PublicKey = new JwkInput { Kty = "OKP", Crv = "Ed25519", X = key.ToPublicJwk().X },
        }, IssuerServices.Admin);
        var pending = Assert.IsType<ExecGov.Credentials.Issuer.Issuance.PendingApprovalView>(outcome.Value?.Pending);

        var decided = _services.Approvals.Decide(pending.ApprovalId, approve: true, reason: null, IssuerServices.Approver);

        Assert.False(decided.Failed, decided.Error?.Detail);
        Assert.Equal("collected", decided.Value!.Status);
        Assert.Contains(_services.Clients.List(), c => c.ClientId == "approver-omar" && c.Person == "omar");
    }

    public void Dispose() => _services.Dispose();
}
