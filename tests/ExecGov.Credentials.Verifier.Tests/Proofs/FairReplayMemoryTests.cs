using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Proofs;

/// <summary>
/// The replay memory is shared by every holder, so it must be fair (docs/verifier.md, "Replay memory"): a proof is
/// remembered only once its presentation passed every other check, status included, and one holder key gets only its
/// share, so flooding the verifier cannot lock the others out.
/// </summary>
public sealed class FairReplayMemoryTests : IDisposable
{
    private readonly TestIssuer _issuer = new(o =>
    {
        o.MaxRememberedProofs = 1000;
        o.MaxRememberedProofsPerHolder = 100;
    });

    [Theory]
    [InlineData(CredentialStatus.Revoked, ReasonCode.Revoked)]
    [InlineData(CredentialStatus.Suspended, ReasonCode.Suspended)]
    public async Task Proofs_of_a_revoked_or_suspended_credential_are_not_remembered(CredentialStatus status, ReasonCode denied)
    {
        var claims = _issuer.Claims();
        var credential = CredentialWriter.Sign(claims, _issuer.IssuerKey);
        _issuer.Status.Set(claims.Status!.StatusList, status);

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(denied, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
        }

        Assert.Equal(0, _issuer.Replay.Count);
    }

    [Fact]
    public async Task Out_of_scope_and_over_limit_presentations_take_no_replay_memory()
    {
        var credential = _issuer.Credential();
        Assert.Equal(ReasonCode.ConstraintViolated, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), TestIssuer.Request(amount: 9000m))).Reason);
        Assert.Equal(ReasonCode.ScopeDenied, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), TestIssuer.Request(action: "payroll.run"))).Reason);
        Assert.Equal(0, _issuer.Replay.Count);
    }

    [Fact]
    public async Task One_holder_flooding_is_refused_its_own_new_proofs_and_cannot_lock_out_another()
    {
        var flooder = _issuer.Credential();
        var reasons = new List<ReasonCode>();
        for (var i = 0; i < 1000; i++)
        {
            reasons.Add((await _issuer.VerifyAsync(flooder, _issuer.Proof(flooder))).Reason);
        }

        Assert.Equal(100, reasons.Count(r => r == ReasonCode.Allowed));
        Assert.Equal(900, reasons.Count(r => r == ReasonCode.ProofQuotaExceeded));

        using var otherKey = Ed25519SigningKey.Generate();
        var other = _issuer.Credential(c => c with { Subject = "agent-other", Confirmation = new Confirmation { KeyThumbprint = otherKey.Thumbprint } });
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(other, _issuer.Proof(other, key: otherKey))).Reason);

        // The flooder's share comes back as its proofs expire.
        _issuer.Time.Advance(_issuer.Options.ProofLifetime + (3 * _issuer.Options.ClockSkew));
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(flooder, _issuer.Proof(flooder))).Reason);
    }

    [Fact]
    public void Per_holder_share_larger_than_the_total_fails_validation()
    {
        var options = new CredentialVerifierOptions { Audience = "a", MaxRememberedProofs = 1000, MaxRememberedProofsPerHolder = 1001 };
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = TestIssuer.IssuerId, Jwks = """{"keys":[]}""" });
        var result = new CredentialVerifierOptionsValidator().Validate(null, options);
        Assert.Contains(result.Failures!, f => f.Contains("MaxRememberedProofsPerHolder", StringComparison.Ordinal));
    }

    public void Dispose() => _issuer.Dispose();
}
