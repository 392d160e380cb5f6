using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary><c>event: key_withdrawn</c> (docs/revocation.md §3): the key stops verifying at once, for the life of the process.</summary>
public sealed class KeyWithdrawnEventTests : IDisposable
{
    private readonly StatusHarness _h = new();
    private readonly TestIssuer _issuer = new();
    private readonly CredentialVerifier _verifier;

    public KeyWithdrawnEventTests()
    {
        // The harness's key source (inline JWKS with the harness's issuer key) is the one the stream withdraws from.
        _verifier = new CredentialVerifier(Microsoft.Extensions.Options.Options.Create(_h.VerifierOptions), _h.Keys, _issuer.Status, _issuer.Replay, _issuer.Time);
    }

    [Fact]
    public async Task Credential_signed_with_a_key_withdrawn_on_the_stream_is_denied_unknown_key_at_once()
    {
        var credential = CredentialWriter.Sign(_issuer.Claims(), _h.IssuerKey);
        Assert.Equal(ReasonCode.Allowed, (await VerifyAsync(credential)).Reason);
        Assert.Equal(ReasonCode.Allowed, (await VerifyAsync(credential)).Reason); // Now remembered by the verifier.

        var outcome = await _h.StreamAsync(Sse.Hello(7) + Sse.KeyWithdrawn(8, _h.IssuerKey.KeyId));

        Assert.Equal(StatusEventStream.Outcome.Ended, outcome);
        Assert.Equal(8, _h.State.LastEventId);
        Assert.Equal(ReasonCode.UnknownKey, (await VerifyAsync(credential)).Reason);
        Assert.Equal(ReasonCode.UnknownKey, (await VerifyAsync(CredentialWriter.Sign(_issuer.Claims(), _h.IssuerKey))).Reason);
        Assert.Equal(0, _h.Keys.GetKeySetState(StatusHarness.IssuerId)!.KeyCount);
    }

    [Fact]
    public async Task Withdrawn_key_does_not_come_back_from_a_jwks_that_still_lists_it()
    {
        await _h.StreamAsync(Sse.Hello(0) + Sse.KeyWithdrawn(1, _h.IssuerKey.KeyId));

        // The configured JWKS still holds the key, as an issuer's JWKS (or a cache before it) may for a while.
        await _h.Keys.RefreshAsync(StatusHarness.IssuerId, CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromHours(1));
        await _h.Keys.RefreshAsync(StatusHarness.IssuerId, CancellationToken.None);

        Assert.Null(await _h.Keys.GetKeyAsync(StatusHarness.IssuerId, _h.IssuerKey.KeyId, CancellationToken.None));
        Assert.Equal(0, _h.Keys.GetKeySetState(StatusHarness.IssuerId)!.KeyCount);
        Assert.Equal(ReasonCode.UnknownKey, (await VerifyAsync(CredentialWriter.Sign(_issuer.Claims(), _h.IssuerKey))).Reason);
    }

    [Fact]
    public async Task Replayed_withdrawal_is_still_applied_and_other_keys_keep_verifying()
    {
        _h.State.LastEventId = 10;
        await _h.StreamAsync(Sse.Hello(10) + Sse.KeyWithdrawn(3, "some-other-kid"));

        Assert.Equal(10, _h.State.LastEventId);
        Assert.NotNull(await _h.Keys.GetKeyAsync(StatusHarness.IssuerId, _h.IssuerKey.KeyId, CancellationToken.None));
        Assert.Equal(ReasonCode.Allowed, (await VerifyAsync(CredentialWriter.Sign(_issuer.Claims(), _h.IssuerKey))).Reason);

        await _h.StreamAsync(Sse.Hello(10) + Sse.KeyWithdrawn(4, _h.IssuerKey.KeyId));
        Assert.Null(await _h.Keys.GetKeyAsync(StatusHarness.IssuerId, _h.IssuerKey.KeyId, CancellationToken.None));
    }

    [Fact]
    public async Task Unreadable_withdrawal_drops_the_connection_and_unknown_events_are_still_ignored()
    {
        await _h.StreamAsync(Sse.Hello(0) + Sse.Event("key_withdrawn", """{"kid":1}""", id: 1));
        Assert.Equal(0, _h.State.LastEventId);
        Assert.NotNull(await _h.Keys.GetKeyAsync(StatusHarness.IssuerId, _h.IssuerKey.KeyId, CancellationToken.None));

        await _h.StreamAsync(Sse.Hello(0) + Sse.Event("key_rotated", $$"""{"kid":"{{_h.IssuerKey.KeyId}}"}""", id: 1));
        Assert.NotNull(await _h.Keys.GetKeyAsync(StatusHarness.IssuerId, _h.IssuerKey.KeyId, CancellationToken.None));
    }

    public void Dispose()
    {
        _h.Dispose();
        _issuer.Dispose();
    }

    private ValueTask<Decision> VerifyAsync(string credential) =>
        _verifier.VerifyAsync(new Presentation(credential, _issuer.Proof(credential)), TestIssuer.Request());
}
