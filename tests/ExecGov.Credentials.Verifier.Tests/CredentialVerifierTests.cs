using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests;

public sealed class CredentialVerifierTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task Verify_allows_an_in_scope_action_and_names_who_authorised_it()
    {
        var claims = _issuer.Claims();
        var credential = ExecGov.Credentials.Signing.Credentials.CredentialWriter.Sign(claims, _issuer.IssuerKey);

        var decision = await _issuer.VerifyAsync(credential, _issuer.Proof(credential));

        Assert.True(decision.IsAllowed, decision.Reason.ToWireString());
        Assert.Equal(ReasonCode.Allowed, decision.Reason);
        Assert.Equal(_issuer.AgentId, decision.AgentId);
        Assert.Equal(_issuer.AuthoriserName, decision.Authoriser?.Name);
        Assert.Equal(claims.CredentialId, decision.CredentialId);
        Assert.Equal(claims.SessionId, decision.SessionId);
        Assert.Equal(TestIssuer.IssuerId, decision.Issuer);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(claims.Expires), decision.ExpiresAt);
        Assert.Equal(32, decision.DecisionId.Length);
    }

    [Fact]
    public async Task Repeated_credential_with_fresh_proofs_is_allowed_each_time()
    {
        var credential = _issuer.Credential();
        for (var i = 0; i < 3; i++)
        {
            var decision = await _issuer.VerifyAsync(credential, _issuer.Proof(credential));
            Assert.Equal(ReasonCode.Allowed, decision.Reason);
        }
    }

    [Fact]
    public async Task Cached_credential_still_expires()
    {
        var credential = _issuer.Credential();
        await _issuer.RememberAsync(credential);

        _issuer.Time.Advance(TimeSpan.FromMinutes(16));
        var decision = await _issuer.VerifyAsync(credential, _issuer.Proof(credential));
        Assert.Equal(ReasonCode.Expired, decision.Reason);
    }

    [Fact]
    public async Task Cached_credential_is_still_checked_for_revocation_every_time()
    {
        var claims = _issuer.Claims();
        var credential = ExecGov.Credentials.Signing.Credentials.CredentialWriter.Sign(claims, _issuer.IssuerKey);
        await _issuer.RememberAsync(credential);

        _issuer.Status.Set(claims.Status!.StatusList, CredentialStatus.Revoked);
        Assert.Equal(ReasonCode.Revoked, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Fact]
    public async Task Cached_credential_is_still_checked_for_audience_and_scope()
    {
        var credential = _issuer.Credential();
        await _issuer.RememberAsync(credential);

        var otherAudience = TestIssuer.Request() with { Audience = "ledger-api" };
        Assert.Equal(ReasonCode.AudienceMismatch, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), otherAudience)).Reason);
        Assert.Equal(ReasonCode.ScopeDenied, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), TestIssuer.Request("accounts.close"))).Reason);
    }

    [Fact]
    public async Task Denials_carry_no_identity_before_the_signature_is_verified()
    {
        var decision = await _issuer.VerifyAsync("garbage", "garbage");
        Assert.Equal(ReasonCode.Malformed, decision.Reason);
        Assert.Null(decision.AgentId);
        Assert.Null(decision.Authoriser);
        Assert.Equal("payments.release", decision.Action);
    }

    [Fact]
    public void Options_without_a_trusted_issuer_are_refused_at_construction()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new CredentialVerifierOptions());
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new CredentialVerifier(options, _issuer.KeySource, _issuer.Status, _issuer.Replay, _issuer.Time));
        Assert.Contains("No trusted issuer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://issuer.example/jwks", false)]
    [InlineData("http://127.0.0.1:5000/jwks", true)]
    [InlineData("https://issuer.example/jwks", true)]
    public void Jwks_uri_must_be_https_except_on_loopback(string uri, bool valid)
    {
        var options = new CredentialVerifierOptions();
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = "https://issuer.example", JwksUri = new Uri(uri) });
        Assert.Equal(valid, new CredentialVerifierOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Reason_codes_round_trip_through_their_wire_strings()
    {
        foreach (var code in ReasonCodes.All)
        {
            Assert.True(ReasonCodes.TryParse(code.ToWireString(), out var parsed));
            Assert.Equal(code, parsed);
            Assert.False(string.IsNullOrWhiteSpace(code.Describe()));
        }

        Assert.False(ReasonCodes.TryParse("ALLOWED", out _));
    }

    public void Dispose() => _issuer.Dispose();
}
