using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

public sealed class StatusCheckTests
{
    [Theory]
    [InlineData(CredentialStatus.Revoked, ReasonCode.Revoked)]
    [InlineData(CredentialStatus.Suspended, ReasonCode.Suspended)]
    [InlineData(CredentialStatus.Unavailable, ReasonCode.StatusUnavailable)]
    [InlineData(CredentialStatus.Valid, ReasonCode.Allowed)]
    public async Task Status_list_entry_decides_after_every_other_check(CredentialStatus status, ReasonCode expected)
    {
        using var issuer = new TestIssuer();
        var claims = issuer.Claims();
        var credential = ExecGov.Credentials.Signing.Credentials.CredentialWriter.Sign(claims, issuer.IssuerKey);
        issuer.Status.Set(claims.Status!.StatusList, status);
        var decision = await issuer.VerifyAsync(credential, issuer.Proof(credential));
        Assert.Equal(expected, decision.Reason);

        // Even a denial by status names the agent and authoriser, so responders see who tried.
        Assert.Equal(issuer.AgentId, decision.AgentId);
    }

    [Fact]
    public async Task Unknown_status_list_is_status_unavailable()
    {
        using var issuer = new TestIssuer();
        issuer.Status.RemoveList(TestIssuer.StatusListUri);
        var credential = issuer.Credential();
        Assert.Equal(ReasonCode.StatusUnavailable, (await issuer.VerifyAsync(credential, issuer.Proof(credential))).Reason);
    }

    [Fact]
    public async Task Credential_without_status_is_denied_unless_status_is_optional()
    {
        using var strict = new TestIssuer();
        var credential = strict.Credential(c => c with { Status = null });
        Assert.Equal(ReasonCode.StatusUnavailable, (await strict.VerifyAsync(credential, strict.Proof(credential))).Reason);

        using var lenient = new TestIssuer(o => o.RequireStatus = false);
        var other = lenient.Credential(c => c with { Status = null });
        Assert.Equal(ReasonCode.Allowed, (await lenient.VerifyAsync(other, lenient.Proof(other))).Reason);
    }
}
