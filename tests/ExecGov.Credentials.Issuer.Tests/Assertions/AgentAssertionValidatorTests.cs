using ExecGov.Credentials.Agent.Assertions;
using ExecGov.Credentials.Issuer.Assertions;
using ExecGov.Credentials.Signing.Crypto;

namespace ExecGov.Credentials.Issuer.Tests.Assertions;

/// <summary>Assertions whose base64url cannot be decoded are refused with their error, never with an exception.</summary>
public sealed class AgentAssertionValidatorTests : IDisposable
{
    private const string Issuer = "https://issuer.execgov.test";
    private const string AgentId = "agent-ledger-sync";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();

    [Fact]
    public void Genuine_assertion_is_valid()
    {
        var assertion = AgentAssertionWriter.Create(_key, _key.PublicKeyBytes.Span, AgentId, Issuer, Now);
        Assert.True(AgentAssertionValidator.Validate(assertion, AgentId, _key.PublicKey, Issuer, Now).IsValid);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("abcde.fghij.klmno")]
    public void Segments_that_are_not_whole_base64url_are_malformed(string assertion)
    {
        Assert.Equal(AgentAssertionError.Malformed, AgentAssertionValidator.Validate(assertion, AgentId, _key.PublicKey, Issuer, Now).Error);
        Assert.False(AgentAssertionValidator.TryReadAgentId(assertion, out _, out _));
    }

    [Fact]
    public void Signature_with_non_zero_trailing_bits_is_a_bad_signature()
    {
        // The 86th character carries 2 bits of the signature and 4 that must be zero; "B" sets one of those.
        var assertion = AgentAssertionWriter.Create(_key, _key.PublicKeyBytes.Span, AgentId, Issuer, Now);
        Assert.Equal(AgentAssertionError.BadSignature, AgentAssertionValidator.Validate(assertion[..^1] + "B", AgentId, _key.PublicKey, Issuer, Now).Error);
    }

    public void Dispose() => _key.Dispose();
}
