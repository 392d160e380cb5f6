using System.Text;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Verifier.Tests;

/// <summary>
/// The verifier remembers verified credentials and proof headers to skip repeated work; these tests show the
/// shortcuts never accept anything the full checks would refuse.
/// </summary>
public sealed class CachedVerificationTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task Repeated_credential_with_fresh_proofs_is_allowed_each_time()
    {
        var credential = _issuer.Credential();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
        }
    }

    [Fact]
    public async Task Altered_payload_carrying_a_remembered_signature_is_denied_signature_invalid()
    {
        var credential = _issuer.Credential();
        Assert.True((await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).IsAllowed);

        // Same header and signature as the remembered credential, wider claims: the cache must not serve it.
        var parts = credential.Split('.');
        var claims = _issuer.Claims(c => c with { Expires = c.Expires + 86_400 });
        var forged = $"{parts[0]}.{TestIssuer.B64(TestIssuer.PayloadJson(claims))}.{parts[2]}";
        Assert.Equal(ReasonCode.SignatureInvalid, (await _issuer.VerifyAsync(forged, _issuer.Proof(forged))).Reason);

        // And the original still verifies afterwards.
        Assert.True((await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).IsAllowed);
    }

    [Fact]
    public async Task Remembered_credential_is_denied_expired_once_its_time_has_passed()
    {
        var credential = _issuer.Credential();
        Assert.True((await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).IsAllowed);
        _issuer.Time.Advance(TimeSpan.FromSeconds(900 + 31));
        Assert.Equal(ReasonCode.Expired, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Fact]
    public async Task Remembered_proof_header_does_not_vouch_for_a_proof_by_another_key()
    {
        var credential = _issuer.Credential();
        Assert.True((await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).IsAllowed);

        // A thief copies the agent's (remembered) proof header but can only sign with their own key.
        using var thief = Ed25519SecurityKey.Generate();
        var genuine = _issuer.Proof(credential).Split('.');
        var stolenHeader = _issuer.Proof(credential, key: thief).Split('.');
        var input = $"{genuine[0]}.{stolenHeader[1]}";
        var signature = new byte[64];
        thief.Sign(Encoding.ASCII.GetBytes(input), signature);
        var forged = $"{input}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, forged)).Reason);
    }

    public void Dispose() => _issuer.Dispose();
}
