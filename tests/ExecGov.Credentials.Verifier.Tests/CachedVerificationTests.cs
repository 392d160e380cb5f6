using ExecGov.Credentials.Signing.Crypto;
using System.Text;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Tests.Keys;

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
        await _issuer.RememberAsync(credential);

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
        await _issuer.RememberAsync(credential);
        _issuer.Time.Advance(TimeSpan.FromSeconds(900 + 31));
        Assert.Equal(ReasonCode.Expired, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Fact]
    public async Task Remembered_credential_is_denied_unknown_key_once_its_key_is_withdrawn()
    {
        var keys = new WithdrawableKeySource(_issuer.KeySource);
        var verifier = new CredentialVerifier(Microsoft.Extensions.Options.Options.Create(_issuer.Options), keys, _issuer.Status, _issuer.Replay, _issuer.Time);
        var credential = _issuer.Credential();
        for (var i = 0; i < 2; i++)
        {
            Assert.True((await verifier.VerifyAsync(new Presentation(credential, _issuer.Proof(credential)), TestIssuer.Request())).IsAllowed);
        }

        Assert.True(verifier.Remembers(credential));

        // Rotated out or compromised: the remembered signature result must not outlive the key.
        keys.Withdraw(_issuer.IssuerKey.KeyId);
        Assert.Equal(ReasonCode.UnknownKey, (await verifier.VerifyAsync(new Presentation(credential, _issuer.Proof(credential)), TestIssuer.Request())).Reason);
    }

    [Fact]
    public async Task Credential_header_is_remembered_only_once_a_signature_verified_under_it()
    {
        // A forger can copy the issuer's header but not sign under it: the header must not be remembered.
        using var forger = Ed25519SigningKey.Generate();
        var payload = TestIssuer.PayloadJson(_issuer.Claims());
        var forged = _issuer.SignRaw(_issuer.Header(), payload, forger);
        Assert.Equal(ReasonCode.SignatureInvalid, (await _issuer.VerifyAsync(forged, _issuer.Proof(forged))).Reason);
        Assert.False(_issuer.Verifier.RemembersHeader(forged));

        var genuine = _issuer.SignRaw(_issuer.Header(), payload);
        Assert.True((await _issuer.VerifyAsync(genuine, _issuer.Proof(genuine))).IsAllowed);
        Assert.True(_issuer.Verifier.RemembersHeader(genuine));

        // Under the remembered header, the forger's signature is still checked and still fails.
        Assert.Equal(ReasonCode.SignatureInvalid, (await _issuer.VerifyAsync(forged, _issuer.Proof(forged))).Reason);
    }

    [Fact]
    public async Task Remembered_proof_header_does_not_vouch_for_a_proof_by_another_key()
    {
        var credential = _issuer.Credential();
        Assert.True((await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).IsAllowed);

        // A thief copies the agent's (remembered) proof header but can only sign with their own key.
        using var thief = Ed25519SigningKey.Generate();
        var genuine = _issuer.Proof(credential).Split('.');
        var stolenHeader = _issuer.Proof(credential, key: thief).Split('.');
        var input = $"{genuine[0]}.{stolenHeader[1]}";
        var signature = new byte[64];
        thief.Sign(Encoding.ASCII.GetBytes(input), signature);
        var forged = $"{input}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
        Assert.Equal(ReasonCode.ProofInvalid, (await _issuer.VerifyAsync(credential, forged)).Reason);
    }

    [Fact]
    public void Cache_remembers_a_credential_from_its_second_verification_on()
    {
        var cache = new VerifiedCredentialCache(capacity: 10);
        var credential = _issuer.Credential();
        var verified = Verified(credential);
        var secondDot = credential.LastIndexOf('.');

        cache.Add(credential, secondDot, verified, _issuer.Now.ToUnixTimeSeconds());
        Assert.False(cache.TryGet(credential, secondDot, out _));

        cache.Add(credential, secondDot, verified, _issuer.Now.ToUnixTimeSeconds());
        Assert.True(cache.TryGet(credential, secondDot, out var found));
        Assert.Same(verified, found);
    }

    [Fact]
    public void Cache_forgets_a_first_sighting_whose_slot_another_credential_took()
    {
        // One slot: every first sighting takes it.
        var cache = new VerifiedCredentialCache(capacity: 1);
        var now = _issuer.Now.ToUnixTimeSeconds();
        var first = _issuer.Credential();
        var other = _issuer.Credential();
        cache.Add(first, first.LastIndexOf('.'), Verified(first), now);
        cache.Add(other, other.LastIndexOf('.'), Verified(other), now);

        // "first" counts as new again, then is remembered on the sighting after.
        cache.Add(first, first.LastIndexOf('.'), Verified(first), now);
        Assert.False(cache.TryGet(first, first.LastIndexOf('.'), out _));
        cache.Add(first, first.LastIndexOf('.'), Verified(first), now);
        Assert.True(cache.TryGet(first, first.LastIndexOf('.'), out _));
        Assert.False(cache.TryGet(other, other.LastIndexOf('.'), out _));
    }

    [Fact]
    public void Cache_admits_many_credentials_each_on_its_second_sighting()
    {
        var cache = new VerifiedCredentialCache(capacity: 100_000);
        var now = _issuer.Now.ToUnixTimeSeconds();
        var credentials = Enumerable.Range(0, 20).Select(_ => _issuer.Credential()).ToArray();
        foreach (var credential in credentials)
        {
            cache.Add(credential, credential.LastIndexOf('.'), Verified(credential), now);
        }

        // Twenty random keys in 100,000 slots: two share a slot (and neither is admitted) about once in 500 runs,
        // two such pairs about once in 500,000.
        foreach (var credential in credentials)
        {
            cache.Add(credential, credential.LastIndexOf('.'), Verified(credential), now);
        }

        Assert.True(credentials.Count(c => cache.TryGet(c, c.LastIndexOf('.'), out _)) >= 18);
    }

    [Fact]
    public void Cache_of_size_zero_remembers_nothing()
    {
        var cache = new VerifiedCredentialCache(capacity: 0);
        var credential = _issuer.Credential();
        for (var i = 0; i < 3; i++)
        {
            cache.Add(credential, credential.LastIndexOf('.'), Verified(credential), _issuer.Now.ToUnixTimeSeconds());
        }

        Assert.False(cache.TryGet(credential, credential.LastIndexOf('.'), out _));
    }

    public void Dispose() => _issuer.Dispose();

    private VerifiedCredential Verified(string credential) =>
        new(credential, _issuer.Claims(), _issuer.IssuerKey.KeyId);
}
