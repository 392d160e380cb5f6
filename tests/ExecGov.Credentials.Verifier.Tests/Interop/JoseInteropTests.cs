using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Credentials;
using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Keys;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Tests.Interop;

/// <summary>
/// Interoperability with an independent JOSE implementation, panva/jose (tests/interop, run by Node.js):
/// credentials we sign verify there, and credentials and proofs jose signs, written from the format's
/// description, verify here. See docs/interop.md.
/// </summary>
public sealed class JoseInteropTests : IDisposable
{
    private const string JoseIssuerId = "https://jose-issuer.execgov.test";
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task Jose_verifies_a_credential_we_signed_with_a_key_from_our_jwks()
    {
        var claims = _issuer.Claims();
        var credential = CredentialWriter.Sign(claims, _issuer.IssuerKey);

        var result = await JoseVerifyAsync(credential);

        Assert.True(result["verified"]!.GetValue<bool>(), result.ToJsonString());
        var header = result["protectedHeader"]!;
        Assert.Equal("EdDSA", (string?)header["alg"]);
        Assert.Equal(TokenTypes.Credential, (string?)header["typ"]);
        Assert.Equal(_issuer.IssuerKey.KeyId, (string?)header["kid"]);
        var payload = result["payload"]!;
        Assert.Equal(TestIssuer.IssuerId, (string?)payload["iss"]);
        Assert.Equal(_issuer.AgentId, (string?)payload["sub"]);
        Assert.Equal(claims.CredentialId, (string?)payload["jti"]);
        Assert.Equal(claims.SessionId, (string?)payload["sid"]);
        Assert.Equal(_issuer.AgentKey.Thumbprint, (string?)payload["cnf"]!["jkt"]);
        Assert.Equal(claims.Expires, (long)payload["exp"]!);
        Assert.Equal("payments.release", (string?)payload["authorization_details"]![0]!["actions"]![0]);
    }

    [Fact]
    public async Task Jose_computes_the_same_rfc7638_thumbprint_as_our_kid()
    {
        var result = await JoseVerifyAsync(_issuer.Credential());

        Assert.Equal(_issuer.IssuerKey.KeyId, (string?)result["thumbprints"]![0]);
    }

    [Theory]
    [InlineData("raised_max_amount")]
    [InlineData("flipped_signature_byte")]
    public async Task Jose_rejects_a_tampered_credential_we_signed(string tampering)
    {
        var credential = _issuer.Credential();
        var tampered = tampering == "flipped_signature_byte" ? FlipSignatureByte(credential) : RaiseMaxAmount(credential);

        var result = await JoseVerifyAsync(tampered);

        Assert.False(result["verified"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", (string?)result["code"]);
    }

    [Fact]
    public async Task Jose_and_our_verifier_both_refuse_our_signature_under_another_typ()
    {
        var statusListTyped = CredentialWriter.SignPayload(TestIssuer.PayloadJson(_issuer.Claims()), TokenTypes.StatusList, _issuer.IssuerKey);

        var result = await JoseVerifyAsync(statusListTyped);
        var decision = await _issuer.VerifyAsync(statusListTyped, _issuer.Proof(statusListTyped));

        Assert.False(result["verified"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("ERR_JWT_CLAIM_VALIDATION_FAILED", (string?)result["code"]);
        Assert.Contains("typ", (string?)result["message"], StringComparison.Ordinal);
        Assert.Equal(ReasonCode.TypMismatch, decision.Reason);
    }

    [Fact]
    public async Task Verifier_allows_a_credential_and_proof_signed_by_jose_given_only_its_jwks()
    {
        var issued = await JoseSignAsync();
        var verifier = VerifierTrusting(issued["jwks"]!);

        var decision = await verifier.VerifyAsync(Presentation(issued), TestIssuer.Request());

        Assert.Equal(ReasonCode.Allowed, decision.Reason);
        Assert.Equal(JoseIssuerId, decision.Issuer);
        Assert.Equal(_issuer.AgentId, decision.AgentId);
        Assert.Equal((string?)issued["credentialId"], decision.CredentialId);
        Assert.Equal(_issuer.AuthoriserName, decision.Authoriser?.Name);
        Assert.Equal(_issuer.Now.AddMinutes(15), decision.ExpiresAt);
    }

    [Fact]
    public async Task Verifier_finds_a_jose_key_by_thumbprint_when_the_jwks_has_no_kid()
    {
        var issued = await JoseSignAsync();
        var exportedKey = issued["exportedJwks"]!["keys"]![0]!;
        var verifier = VerifierTrusting(issued["exportedJwks"]!);

        var decision = await verifier.VerifyAsync(Presentation(issued), TestIssuer.Request());

        Assert.Null(exportedKey["kid"]);
        Assert.Equal((string?)issued["issuerKid"], Jwk.Ed25519Thumbprint(Base64Url.DecodeFromChars((string?)exportedKey["x"])));
        Assert.Equal(ReasonCode.Allowed, decision.Reason);
    }

    [Fact]
    public async Task Verifier_denies_a_jose_credential_with_a_flipped_signature_byte_as_signature_invalid()
    {
        var issued = await JoseSignAsync();
        var verifier = VerifierTrusting(issued["jwks"]!);

        var decision = await verifier.VerifyAsync(
            new Presentation(FlipSignatureByte((string)issued["credential"]!), (string?)issued["proof"]), TestIssuer.Request());

        Assert.Equal(ReasonCode.SignatureInvalid, decision.Reason);
        Assert.Null(decision.AgentId);
    }

    [Fact]
    public async Task Verifier_denies_a_jose_proof_with_a_flipped_signature_byte_as_proof_invalid()
    {
        var issued = await JoseSignAsync();
        var verifier = VerifierTrusting(issued["jwks"]!);

        var decision = await verifier.VerifyAsync(
            new Presentation((string?)issued["credential"], FlipSignatureByte((string)issued["proof"]!)), TestIssuer.Request());

        Assert.Equal(ReasonCode.ProofInvalid, decision.Reason);
    }

    public void Dispose() => _issuer.Dispose();

    private Task<JsonObject> JoseVerifyAsync(string token) => JoseInterop.RunAsync("verify.mjs", new JsonObject
    {
        ["token"] = token,
        ["jwks"] = JsonNode.Parse(_issuer.Options.Issuers[0].Jwks!),
        ["issuer"] = TestIssuer.IssuerId,
        ["audience"] = TestIssuer.Audience,
        ["currentDate"] = _issuer.Now.ToUnixTimeSeconds(),
    });

    /// <summary>
    /// Asks jose for a credential and a proof. The grant, authoriser and status are written here by hand as
    /// plain JSON, not with our serializer, so the token is what another issuer would make from the docs.
    /// </summary>
    private Task<JsonObject> JoseSignAsync()
    {
        var now = _issuer.Now.ToUnixTimeSeconds();
        return JoseInterop.RunAsync("sign.mjs", new JsonObject
        {
            ["issuer"] = JoseIssuerId,
            ["subject"] = _issuer.AgentId,
            ["audience"] = new JsonArray(TestIssuer.Audience),
            ["now"] = now,
            ["lifetime"] = 900,
            ["sessionId"] = "ses-jose-interop",
            ["authorizationDetails"] = JsonNode.Parse("""
                [{
                  "type": "execgov_action",
                  "actions": ["payments.release"],
                  "locations": ["payments-api"],
                  "resources": ["invoice:*"],
                  "constraints": { "max_amount": 500, "currency": "EUR", "destinations": ["DE89370400440532013000"] }
                }]
                """),
            ["authoriser"] = new JsonObject
            {
                ["sub"] = "admin-7",
                ["name"] = _issuer.AuthoriserName,
                ["approval_id"] = "apr-jose-1",
                ["approved_at"] = now - 60,
            },
            ["status"] = JsonNode.Parse($$"""{ "status_list": { "idx": 7, "uri": "{{TestIssuer.StatusListUri}}" } }"""),
            // htu is the request URL without its query (RFC 9449 §4.2), written out here rather than taken from ProofWriter.
            ["proof"] = new JsonObject
            {
                ["htm"] = "POST",
                ["htu"] = TestIssuer.Target.GetLeftPart(UriPartial.Path),
            },
        });
    }

    /// <summary>A verifier that trusts only the jose issuer, through the given JWKS, on the test issuer's clock and status.</summary>
    private CredentialVerifier VerifierTrusting(JsonNode jwks)
    {
        var options = new CredentialVerifierOptions { Audience = TestIssuer.Audience };
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = JoseIssuerId, Jwks = jwks.ToJsonString() });
        var wrapped = Options.Create(options);
        return new CredentialVerifier(wrapped, new JwksIssuerKeySource(wrapped, httpClient: null, _issuer.Time), _issuer.Status, _issuer.Replay, _issuer.Time);
    }

    private static Presentation Presentation(JsonObject issued) => new((string?)issued["credential"], (string?)issued["proof"]);

    private static string FlipSignatureByte(string token)
    {
        var lastDot = token.LastIndexOf('.');
        var signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
        signature[10] ^= 0x01;
        return string.Concat(token.AsSpan(0, lastDot + 1), Base64Url.EncodeToString(signature));
    }

    private static string RaiseMaxAmount(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["authorization_details"]![0]!["constraints"]!["max_amount"] = 50_000;
        var encoded = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return $"{parts[0]}.{encoded}.{parts[2]}";
    }
}
