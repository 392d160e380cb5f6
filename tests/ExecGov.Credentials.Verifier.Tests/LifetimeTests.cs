namespace ExecGov.Credentials.Verifier.Tests;

/// <summary>Validity window with the default 30 s clock skew, on both sides of each limit.</summary>
public sealed class LifetimeTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Theory]
    [InlineData(-31, ReasonCode.Expired)]
    [InlineData(-30, ReasonCode.Expired)]
    [InlineData(-29, ReasonCode.Allowed)]
    [InlineData(1, ReasonCode.Allowed)]
    public async Task Exp_is_enforced_with_clock_skew(int expiresInSeconds, ReasonCode expected)
    {
        var now = _issuer.Now.ToUnixTimeSeconds();
        var credential = _issuer.Credential(c => c with { IssuedAt = now - 900, NotBefore = now - 900, Expires = now + expiresInSeconds });
        Assert.Equal(expected, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Theory]
    [InlineData(30, ReasonCode.Allowed)]
    [InlineData(31, ReasonCode.NotYetValid)]
    [InlineData(600, ReasonCode.NotYetValid)]
    public async Task Nbf_in_the_future_beyond_skew_is_not_yet_valid(int notBeforeInSeconds, ReasonCode expected)
    {
        var now = _issuer.Now.ToUnixTimeSeconds();
        var credential = _issuer.Credential(c => c with { NotBefore = now + notBeforeInSeconds, Expires = now + 900 });
        Assert.Equal(expected, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Theory]
    [InlineData(30, ReasonCode.Allowed)]
    [InlineData(31, ReasonCode.NotYetValid)]
    public async Task Iat_in_the_future_beyond_skew_is_not_yet_valid(int issuedInSeconds, ReasonCode expected)
    {
        var now = _issuer.Now.ToUnixTimeSeconds();
        var credential = _issuer.Credential(c => c with { IssuedAt = now + issuedInSeconds, NotBefore = now, Expires = now + 900 });
        Assert.Equal(expected, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Fact]
    public async Task Exp_not_after_nbf_is_malformed()
    {
        var now = _issuer.Now.ToUnixTimeSeconds();
        var header = _issuer.Header();
        var payload = TestIssuer.PayloadJson(_issuer.Claims(c => c with { NotBefore = now, Expires = now }));
        var credential = _issuer.SignRaw(header, payload);
        Assert.Equal(ReasonCode.Malformed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    public void Dispose() => _issuer.Dispose();
}
