using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Verifier.Tests.Attacks;

/// <summary>
/// One test per RFC 8725 §3 rule and per well-known JWT attack. Each must deny with its documented
/// reason code (docs/reason-codes.md) and never throw out of the library. Every test runs twice: on a verifier
/// that has seen nothing (<see cref="FreshVerifierRfc8725AttackTests"/>) and on one whose shortcuts are all warm
/// (<see cref="WarmVerifierRfc8725AttackTests"/>: a remembered credential, its header and its proof header), so no
/// shortcut accepts or misreports what the full checks deny.
/// </summary>
public abstract class Rfc8725AttackTests : IAsyncLifetime
{
    private readonly TestIssuer _issuer = new();

    /// <summary>Whether the verifier has verified the issuer's usual credential and proof before each test.</summary>
    protected abstract bool Warm { get; }

    public async Task InitializeAsync()
    {
        if (Warm)
        {
            var credential = _issuer.Credential();
            await _issuer.RememberAsync(credential);
            Assert.True(_issuer.Verifier.RemembersHeader(credential));
        }
    }

    public Task DisposeAsync()
    {
        _issuer.Dispose();
        return Task.CompletedTask;
    }

    private string Payload => TestIssuer.PayloadJson(_issuer.Claims());

    [Fact]
    public async Task Baseline_a_correct_raw_token_is_allowed()
    {
        // Guards the tests below: the hand-built tokens differ from a valid one only by the attack.
        var token = _issuer.SignRaw(_issuer.Header(), Payload);
        Assert.Equal(ReasonCode.Allowed, await ReasonAsync(token));
    }

    // §3.1 Perform algorithm verification.
    [Fact]
    public async Task Alg_none_with_empty_signature_is_denied_alg_not_allowed()
    {
        var token = $"{TestIssuer.B64("""{"alg":"none","typ":"execgov-credential+jwt"}""")}.{TestIssuer.B64(Payload)}.";
        Assert.Equal(ReasonCode.AlgNotAllowed, await ReasonAsync(token));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("eddsa")]
    [InlineData("Ed25519")]
    [InlineData("ES256")]
    [InlineData("RS256")]
    [InlineData("PS256")]
    [InlineData("")]
    public async Task Any_alg_other_than_EdDSA_is_denied_even_with_a_valid_Ed25519_signature(string alg)
    {
        // Algorithm/key-type confusion: the signature is a real Ed25519 signature by the issuer key.
        var header = $$"""{"alg":"{{alg}}","typ":"execgov-credential+jwt","kid":"{{_issuer.IssuerKey.KeyId}}"}""";
        Assert.Equal(ReasonCode.AlgNotAllowed, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Fact]
    public async Task Missing_alg_is_denied_alg_not_allowed()
    {
        var header = $$"""{"typ":"execgov-credential+jwt","kid":"{{_issuer.IssuerKey.KeyId}}"}""";
        Assert.Equal(ReasonCode.AlgNotAllowed, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS512")]
    public async Task Hmac_keyed_with_the_issuers_public_key_is_denied_alg_not_allowed(string alg)
    {
        // The classic key-confusion attack: the public key bytes (from the JWKS) used as an HMAC secret.
        var input = $"{TestIssuer.B64($$"""{"alg":"{{alg}}","typ":"execgov-credential+jwt","kid":"{{_issuer.IssuerKey.KeyId}}"}""")}.{TestIssuer.B64(Payload)}";
        var secret = _issuer.IssuerKey.PublicKeyBytes.ToArray();
        var mac = alg == "HS256" ? HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)) : HMACSHA512.HashData(secret, Encoding.ASCII.GetBytes(input));
        Assert.Equal(ReasonCode.AlgNotAllowed, await ReasonAsync($"{input}.{Base64Url.EncodeToString(mac)}"));

        // The same with the public JWK's "x" text as the secret.
        var textMac = HMACSHA256.HashData(Encoding.ASCII.GetBytes(_issuer.IssuerKey.ToPublicJwk().X), Encoding.ASCII.GetBytes(input));
        Assert.Equal(ReasonCode.AlgNotAllowed, await ReasonAsync($"{input}.{Base64Url.EncodeToString(textMac)}"));
    }

    // §3.3 Validate all cryptographic operations / §3.4 validate cryptographic inputs.
    [Fact]
    public async Task Flipped_signature_bit_is_denied_signature_invalid()
    {
        var token = _issuer.Credential();
        var signature = Base64Url.DecodeFromChars(token.AsSpan(token.LastIndexOf('.') + 1));
        signature[10] ^= 0x01;
        var tampered = token[..(token.LastIndexOf('.') + 1)] + Base64Url.EncodeToString(signature);
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(tampered));
    }

    [Fact]
    public async Task Tampered_payload_is_denied_signature_invalid()
    {
        var token = _issuer.Credential();
        var parts = token.Split('.');
        var claims = _issuer.Claims(c => c with { Subject = "agent-admin" });
        var tampered = $"{parts[0]}.{TestIssuer.B64(TestIssuer.PayloadJson(claims))}.{parts[2]}";
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(tampered));
    }

    [Fact]
    public async Task Tampered_header_is_denied_signature_invalid()
    {
        var token = _issuer.Credential();
        var parts = token.Split('.');
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).Replace("{", "{ ", StringComparison.Ordinal);
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync($"{TestIssuer.B64(header)}.{parts[1]}.{parts[2]}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public async Task Signature_of_the_wrong_length_is_denied_signature_invalid(int length)
    {
        var token = _issuer.Credential();
        var forged = token[..(token.LastIndexOf('.') + 1)] + Base64Url.EncodeToString(new byte[length]);
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(forged));
    }

    [Fact]
    public async Task All_zero_signature_is_denied_signature_invalid()
    {
        var token = _issuer.Credential();
        var forged = token[..(token.LastIndexOf('.') + 1)] + Base64Url.EncodeToString(new byte[64]);
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(forged));
    }

    [Fact]
    public async Task Signature_by_an_untrusted_key_claiming_the_issuers_kid_is_denied_signature_invalid()
    {
        using var attacker = Ed25519SigningKey.Generate();
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), Payload, attacker)));
    }

    // §3.8 Validate issuer and subject.
    [Fact]
    public async Task Untrusted_issuer_is_denied_issuer_untrusted()
    {
        var payload = TestIssuer.PayloadJson(_issuer.Claims(c => c with { Issuer = "https://evil.example" }));
        Assert.Equal(ReasonCode.IssuerUntrusted, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload)));
    }

    [Fact]
    public async Task Issuer_differing_only_in_case_or_trailing_slash_is_untrusted()
    {
        foreach (var issuer in new[] { TestIssuer.IssuerId.ToUpperInvariant(), TestIssuer.IssuerId + "/" })
        {
            var payload = TestIssuer.PayloadJson(_issuer.Claims(c => c with { Issuer = issuer }));
            Assert.Equal(ReasonCode.IssuerUntrusted, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload)));
        }
    }

    // §3.9 Use and validate audience.
    [Fact]
    public async Task Credential_for_another_audience_is_denied_audience_mismatch()
    {
        var token = _issuer.Credential(c => c with { Audience = ["ledger-api"] });
        Assert.Equal(ReasonCode.AudienceMismatch, await ReasonAsync(token));
    }

    // §3.10 Do not trust received claims: keys never come from the token.
    [Fact]
    public async Task Unknown_kid_is_denied_unknown_key()
    {
        Assert.Equal(ReasonCode.UnknownKey, await ReasonAsync(_issuer.SignRaw(_issuer.Header(kid: "not-a-key"), Payload)));
    }

    [Fact]
    public async Task Missing_kid_is_denied_unknown_key()
    {
        var header = """{"alg":"EdDSA","typ":"execgov-credential+jwt"}""";
        Assert.Equal(ReasonCode.UnknownKey, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Fact]
    public async Task Embedded_jwk_of_the_attackers_key_is_ignored()
    {
        using var attacker = Ed25519SigningKey.Generate();
        var jwk = $$""","jwk":{"kty":"OKP","crv":"Ed25519","x":"{{attacker.ToPublicJwk().X}}"}""";
        Assert.Equal(ReasonCode.UnknownKey, await ReasonAsync(_issuer.SignRaw(_issuer.Header(kid: attacker.KeyId, extra: jwk), Payload, attacker)));
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(_issuer.SignRaw(_issuer.Header(extra: jwk), Payload, attacker)));
    }

    [Theory]
    [InlineData(""","jku":"https://evil.example/jwks.json" """)]
    [InlineData(""","x5u":"https://evil.example/cert.pem" """)]
    [InlineData(""","x5c":["MIIBszCCAVmgAwIBAgIUQ"]""")]
    public async Task Key_locating_headers_are_never_followed(string extra)
    {
        using var attacker = Ed25519SigningKey.Generate();
        Assert.Equal(ReasonCode.UnknownKey, await ReasonAsync(_issuer.SignRaw(_issuer.Header(kid: attacker.KeyId, extra: extra.TrimEnd()), Payload, attacker)));

        // A genuine credential that happens to carry such a header is judged on the configured keys alone.
        Assert.Equal(ReasonCode.Allowed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(extra: extra.TrimEnd()), Payload)));
    }

    // §3.11 Use explicit typing / §3.12 mutually exclusive validation rules for different kinds of JWTs.
    [Theory]
    [InlineData("dpop+jwt")]
    [InlineData("statuslist+jwt")]
    [InlineData("at+jwt")]
    [InlineData("JWT")]
    [InlineData("execgov-assertion+jwt")]
    [InlineData("application/execgov-credential+jwt+x")]
    public async Task Other_token_kinds_are_denied_typ_mismatch(string typ)
    {
        Assert.Equal(ReasonCode.TypMismatch, await ReasonAsync(_issuer.SignRaw(_issuer.Header(typ: typ), Payload)));
    }

    [Theory]
    [InlineData("application/execgov-credential+jwt")]
    [InlineData("EXECGOV-CREDENTIAL+JWT")]
    public async Task Typ_with_application_prefix_or_other_case_names_the_same_type(string typ)
    {
        // RFC 7515 §4.1.9: media type names are case-insensitive and the "application/" prefix is optional.
        Assert.Equal(ReasonCode.Allowed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(typ: typ), Payload)));
    }

    [Fact]
    public async Task Missing_typ_is_denied_typ_mismatch()
    {
        var header = $$"""{"alg":"EdDSA","kid":"{{_issuer.IssuerKey.KeyId}}"}""";
        Assert.Equal(ReasonCode.TypMismatch, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Fact]
    public async Task A_proof_presented_as_the_credential_is_denied_typ_mismatch()
    {
        var credential = _issuer.Credential();
        var proof = _issuer.Proof(credential);
        var decision = await _issuer.VerifyAsync(proof, proof);
        Assert.Equal(ReasonCode.TypMismatch, decision.Reason);
    }

    [Fact]
    public async Task A_credential_presented_as_the_proof_is_denied_proof_invalid()
    {
        var credential = _issuer.Credential();
        var decision = await _issuer.VerifyAsync(credential, credential);
        Assert.Equal(ReasonCode.ProofInvalid, decision.Reason);
    }

    [Fact]
    public async Task Unknown_crit_header_is_denied_crit_unsupported()
    {
        var header = _issuer.Header(extra: ""","crit":["exp-policy"],"exp-policy":"lenient" """.TrimEnd());
        Assert.Equal(ReasonCode.CritUnsupported, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Theory]
    [InlineData(""","b64":false""")]
    [InlineData(""","zip":"DEF" """)]
    public async Task Unencoded_or_compressed_payload_headers_are_denied_malformed(string extra)
    {
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(extra: extra.TrimEnd()), Payload)));
    }

    // Size limits (documented: 8192 characters by default).
    [Fact]
    public async Task Oversized_token_is_denied_too_large_before_decoding()
    {
        var huge = new string('A', 8193);
        Assert.Equal(ReasonCode.TooLarge, await ReasonAsync(huge));
        var padded = _issuer.Credential(c => c with { Subject = new string('a', 9000) });
        Assert.Equal(ReasonCode.TooLarge, await ReasonAsync(padded));
    }

    // §3.7 Use UTF-8, and the JWS compact serialization's own rules.
    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData(".payload.sig")]
    [InlineData("header..sig")]
    public async Task Not_three_segments_is_denied_malformed(string token)
    {
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(token));
    }

    // Base64url the decoder cannot finish (impossible length, non-zero trailing bits) is malformed input, not a fault.
    [Theory]
    [InlineData("a.b.c")]
    [InlineData("abcde.fghij.klmno")]
    [InlineData("ab.cd.ef")]
    public async Task Segments_that_are_not_whole_base64url_are_denied_malformed(string token)
    {
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(token));
    }

    [Fact]
    public async Task Signature_with_non_zero_trailing_bits_is_denied_signature_invalid()
    {
        // The 86th character carries 2 bits of the signature and 4 that must be zero; "B" sets one of those.
        var token = _issuer.Credential();
        Assert.Equal(ReasonCode.SignatureInvalid, await ReasonAsync(token[..^1] + "B"));
    }

    [Theory]
    [InlineData("+")]
    [InlineData("/")]
    [InlineData("=")]
    [InlineData(" ")]
    [InlineData("\n")]
    [InlineData("é")]
    public async Task Characters_outside_unpadded_base64url_are_denied_malformed(string bad)
    {
        var token = _issuer.Credential();
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(token.Insert(5, bad)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"alg\":\"EdDSA\",}")]
    public async Task Header_that_is_not_a_json_object_is_denied_malformed(string header)
    {
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Fact]
    public async Task Payload_that_is_not_json_is_denied_malformed()
    {
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), "Example of Ed25519 signing")));
    }

    [Fact]
    public async Task Payload_with_invalid_utf8_is_denied_malformed()
    {
        var payload = Payload.Replace(_issuer.AgentId, "agent\u0001", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(payload);
        var index = Array.IndexOf(bytes, (byte)0x01);
        bytes[index] = 0xC3; // a lone UTF-8 lead byte followed by a quote
        var input = $"{TestIssuer.B64(_issuer.Header())}.{Base64Url.EncodeToString(bytes)}";
        var signature = new byte[64];
        _issuer.IssuerKey.Sign(Encoding.ASCII.GetBytes(input), signature);
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync($"{input}.{Base64Url.EncodeToString(signature)}"));
    }

    [Fact]
    public async Task Duplicate_member_in_the_payload_is_denied_malformed()
    {
        // A parser that keeps the first "sub" and one that keeps the last would disagree on who acts.
        var payload = Payload.Replace("\"sub\":", "\"sub\":\"agent-root\",\"sub\":", StringComparison.Ordinal);
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload)));
    }

    [Fact]
    public async Task Duplicate_member_in_the_header_is_denied_malformed()
    {
        var header = $$"""{"alg":"none","alg":"EdDSA","typ":"execgov-credential+jwt","kid":"{{_issuer.IssuerKey.KeyId}}"}""";
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(header, Payload)));
    }

    [Fact]
    public async Task Duplicate_member_nested_in_authorization_details_is_denied_malformed()
    {
        var payload = Payload.Replace("\"max_amount\":500", "\"max_amount\":500,\"max_amount\":1000000", StringComparison.Ordinal);
        Assert.Contains("1000000", payload, StringComparison.Ordinal);
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload)));
    }

    [Theory]
    [InlineData("\"sub\":", "\"x-note\":1,\"x-note\":2,\"sub\":")]
    [InlineData("\"sub\":", "\"x-note\":{\"a\":1,\"a\":2},\"sub\":")]
    [InlineData("\"sub\":", "\"x-note\":[{\"a\":1},{\"b\":1,\"b\":1}],\"sub\":")]
    [InlineData("\"max_amount\":", "\"x-note\":1,\"x-note\":1,\"max_amount\":")]
    [InlineData("\"jkt\":", "\"x-note\":1,\"x\\u002dnote\":1,\"jkt\":")]
    [InlineData("\"sub\":", "\"s\\u0075b\":\"agent-root\",\"sub\":")]
    public async Task Duplicate_unknown_member_anywhere_in_the_payload_is_malformed_before_the_signature(string find, string replace)
    {
        var payload = Payload.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Payload, payload);
        using var forger = Ed25519SigningKey.Generate();
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload, forger)));
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload)));
    }

    [Theory]
    [InlineData(",\"x-note\":1,\"x-note\":2")]
    [InlineData(",\"x-note\":{\"a\":1,\"a\":1}")]
    [InlineData(",\"kid\":\"other\"")]
    public async Task Duplicate_unknown_member_in_the_header_is_malformed_before_the_signature(string extra)
    {
        using var forger = Ed25519SigningKey.Generate();
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(extra: extra), Payload, forger)));
    }

    [Theory]
    [InlineData("\"exp\":", "\"exp\":\"tomorrow\",\"x\":")]
    [InlineData("\"aud\":", "\"aud\":42,\"x\":")]
    [InlineData("\"cnf\":", "\"cnf\":null,\"x\":")]
    [InlineData("\"jti\":", "\"x\":")]
    public async Task Missing_or_mistyped_required_claims_are_denied_malformed(string find, string replace)
    {
        var payload = Payload.Replace(find, replace, StringComparison.Ordinal);
        Assert.Equal(ReasonCode.Malformed, await ReasonAsync(_issuer.SignRaw(_issuer.Header(), payload)));
    }

    [Fact]
    public async Task Nothing_thrown_for_random_garbage()
    {
        var random = new Random(8725);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            var garbage = i % 2 == 0 ? Encoding.Latin1.GetString(bytes) : string.Join('.', Base64Url.EncodeToString(bytes), Base64Url.EncodeToString(bytes), Base64Url.EncodeToString(bytes[..Math.Min(64, bytes.Length)]));
            var decision = await _issuer.VerifyAsync(garbage, garbage);
            Assert.False(decision.IsAllowed);
        }
    }

    private async Task<ReasonCode> ReasonAsync(string credential)
    {
        var decision = await _issuer.VerifyAsync(credential, _issuer.Proof(credential.Length < 60000 && IsAscii(credential) ? credential : "x"));
        return decision.Reason;
    }

    private static bool IsAscii(string value) => value.Length > 0 && System.Text.Ascii.IsValid(value);
}
