using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Text;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;

namespace ExecGov.Credentials.Verifier.Tests.Proofs;

/// <summary>Holder binding: a stolen credential without the agent's private key is useless.</summary>
public sealed class ProofTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task Missing_proof_is_denied_proof_missing()
    {
        var credential = _issuer.Credential();
        Assert.Equal(ReasonCode.ProofMissing, (await _issuer.VerifyAsync(credential, null)).Reason);
        Assert.Equal(ReasonCode.ProofMissing, (await _issuer.VerifyAsync(credential, string.Empty)).Reason);
    }

    [Fact]
    public async Task Stolen_credential_with_a_proof_from_the_thiefs_key_is_denied_proof_invalid()
    {
        using var thief = Ed25519SigningKey.Generate();
        var credential = _issuer.Credential();
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential, key: thief))).Reason);
    }

    [Fact]
    public async Task Replayed_proof_is_denied_proof_replayed()
    {
        var credential = _issuer.Credential();
        var proof = _issuer.Proof(credential);
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, proof)).Reason);
        Assert.Equal(ReasonCode.ProofReplayed, (await _issuer.VerifyAsync(credential, proof)).Reason);
    }

    [Fact]
    public async Task Proof_for_another_method_or_url_is_denied_proof_invalid()
    {
        var credential = _issuer.Credential();
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential, method: "GET"))).Reason);
        var other = new Uri("https://payments.execgov.test/v1/payments/refund");
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential, target: other))).Reason);
    }

    [Fact]
    public async Task Proof_url_ignores_query_and_fragment()
    {
        var credential = _issuer.Credential();
        var sameResource = new Uri("https://payments.execgov.test/v1/payments/release?other=1#frag");
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential, target: sameResource))).Reason);
    }

    [Fact]
    public async Task Proof_made_for_another_credential_is_denied_proof_invalid()
    {
        var credential = _issuer.Credential();
        var other = _issuer.Credential();
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, _issuer.Proof(other))).Reason);
    }

    [Theory]
    [InlineData(-91, ReasonCode.ProofInvalid)]
    [InlineData(-89, ReasonCode.Allowed)]
    [InlineData(30, ReasonCode.Allowed)]
    [InlineData(31, ReasonCode.ProofInvalid)]
    public async Task Proof_iat_must_be_within_lifetime_and_skew(int offsetSeconds, ReasonCode expected)
    {
        var credential = _issuer.Credential();
        var proof = _issuer.Proof(credential, at: _issuer.Now.AddSeconds(offsetSeconds));
        Assert.Equal(expected, (await _issuer.VerifyAsync(credential, proof)).Reason);
    }

    [Fact]
    public async Task Proof_whose_jwk_carries_a_private_member_is_denied_proof_invalid()
    {
        var credential = _issuer.Credential();
        var proof = Sign(credential, jwk => jwk.Replace("}", ",\"d\":\"AAAA\"}", StringComparison.Ordinal));
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, proof)).Reason);
    }

    [Theory]
    [InlineData("\"alg\":\"EdDSA\"", "\"alg\":\"none\"")]
    [InlineData("\"typ\":\"dpop+jwt\"", "\"typ\":\"JWT\"")]
    [InlineData("\"typ\":\"dpop+jwt\"", "\"typ\":\"dpop+jwt\",\"crit\":[\"x\"]")]
    [InlineData("\"kty\":\"OKP\"", "\"kty\":\"EC\"")]
    public async Task Proof_header_deviations_are_denied_proof_invalid(string find, string replace)
    {
        var credential = _issuer.Credential();
        var proof = Sign(credential, header: h => h.Replace(find, replace, StringComparison.Ordinal));
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, proof)).Reason);
    }

    [Fact]
    public async Task Proof_whose_ath_or_jwk_x_is_not_whole_base64url_is_denied_proof_invalid()
    {
        // The last character of a 32-byte value carries 4 bits and 2 that must be zero; "B" sets one of those.
        var credential = _issuer.Credential();
        var ath = CredentialHash.Compute(credential);
        var badAth = Sign(credential, payload: p => p.Replace(ath, ath[..^1] + "B", StringComparison.Ordinal));
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, badAth)).Reason);

        var x = _issuer.AgentKey.ToPublicJwk().X;
        var badX = Sign(credential, jwk: j => j.Replace(x, x[..^1] + "B", StringComparison.Ordinal));
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, badX)).Reason);
        var shortX = Sign(credential, jwk: j => j.Replace(x, "abcde", StringComparison.Ordinal));
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, shortX)).Reason);
    }

    [Fact]
    public async Task Proof_with_a_small_order_public_key_and_zero_signature_is_denied_proof_invalid()
    {
        // RFC 8725 §3.4: an identity-point key with an all-zero signature "verifies" in naive implementations.
        var credential = _issuer.Credential();
        var identity = new byte[32];
        identity[0] = 1;
        var jwk = $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Base64Url.EncodeToString(identity)}}"}""";
        var header = $$"""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{{jwk}}}""";
        var payload = $$"""{"jti":"x1","htm":"POST","htu":"https://payments.execgov.test/v1/payments/release","iat":{{_issuer.Now.ToUnixTimeSeconds()}},"ath":"{{CredentialHash.Compute(credential)}}"}""";
        var proof = $"{TestIssuer.B64(header)}.{TestIssuer.B64(payload)}.{Base64Url.EncodeToString(new byte[64])}";
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, proof)).Reason);
    }

    [Fact]
    public async Task Oversized_proof_is_denied_proof_invalid()
    {
        var credential = _issuer.Credential();
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, new string('A', 5000))).Reason);
    }

    [Fact]
    public async Task Replay_is_remembered_only_for_the_acceptance_window()
    {
        var credential = _issuer.Credential();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
        }

        _issuer.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
        Assert.Equal(1, _issuer.Replay.Count);
    }

    [Fact]
    public async Task Request_not_requiring_a_proof_is_allowed_without_one_and_still_checks_status()
    {
        var credential = _issuer.Credential();
        var request = TestIssuer.Request() with { ProofRequired = false };
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, null, request)).Reason);

        var claims = _issuer.Claims();
        var revoked = CredentialWriter.Sign(claims, _issuer.IssuerKey);
        _issuer.Status.Set(claims.Status!.StatusList, Verifier.Status.CredentialStatus.Revoked);
        Assert.Equal(ReasonCode.Revoked, (await _issuer.VerifyAsync(revoked, null, request)).Reason);
    }

    [Fact]
    public async Task Request_not_requiring_a_proof_still_checks_a_proof_that_is_presented()
    {
        using var thief = Ed25519SigningKey.Generate();
        var credential = _issuer.Credential();
        var request = TestIssuer.Request() with { ProofRequired = false };
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential, key: thief), request)).Reason);
    }

    /// <summary>Builds a proof with the agent's key, letting a test bend its header or jwk.</summary>
    private string Sign(string credential, Func<string, string>? jwk = null, Func<string, string>? header = null, Func<string, string>? payload = null)
    {
        var jwkJson = $$"""{"kty":"OKP","crv":"Ed25519","x":"{{_issuer.AgentKey.ToPublicJwk().X}}"}""";
        var headerJson = $$"""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{{jwk?.Invoke(jwkJson) ?? jwkJson}}}""";
        headerJson = header?.Invoke(headerJson) ?? headerJson;
        var payloadJson = $$"""{"jti":"{{Guid.NewGuid():N}}","htm":"POST","htu":"https://payments.execgov.test/v1/payments/release","iat":{{_issuer.Now.ToUnixTimeSeconds()}},"ath":"{{CredentialHash.Compute(credential)}}"}""";
        payloadJson = payload?.Invoke(payloadJson) ?? payloadJson;
        var input = $"{TestIssuer.B64(headerJson)}.{TestIssuer.B64(payloadJson)}";
        var signature = new byte[64];
        _issuer.AgentKey.Sign(Encoding.ASCII.GetBytes(input), signature);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public void Dispose() => _issuer.Dispose();
}
