using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Tests.Publishing;

public sealed class StatusListPublisherTests : IDisposable
{
    private readonly RegistryHarness _harness = new(o =>
    {
        o.TimeToLive = TimeSpan.FromSeconds(30);
        o.TokenLifetime = TimeSpan.FromMinutes(10);
    });

    [Fact]
    public async Task Token_carries_the_contracts_claims_and_verifies_under_the_current_key()
    {
        var registration = _harness.Data.Next();
        var reference = await _harness.AllocateAsync(registration);
        await _harness.ApplyAsync(RevocationScope.Credential, registration.CredentialId, RevocationAction.Revoke);

        var token = _harness.Token(1);

        Assert.Equal(_harness.Keys.Current.KeyId, token.Kid);
        Assert.Equal(RegistryHarness.ListUri(1), token.Claims.Subject);
        Assert.Equal(_harness.Time.GetUtcNow().ToUnixTimeSeconds(), token.Claims.IssuedAt);
        Assert.Equal(token.Claims.IssuedAt + 600, token.Claims.Expires);
        Assert.Equal(30, token.Claims.TimeToLive);
        Assert.Equal(1, token.Claims.Version);
        Assert.Equal(_harness.Options.ListSize, token.List.Capacity);
        Assert.Equal(StatusValue.Invalid, token.List.Get(reference.Index));

        // Every other entry is still valid. (The index is drawn pseudorandomly, so it may be the list's last: the
        // old check of "the next entry" failed once in 64 runs.)
        Assert.All(
            Enumerable.Range(0, token.List.Capacity).Where(index => index != reference.Index),
            index => Assert.Equal(StatusValue.Valid, token.List.Get(index)));
    }

    [Fact]
    public void ETag_is_the_quoted_version()
    {
        var published = _harness.Registry.Publisher.Get(1)!;

        Assert.Equal("\"0\"", published.ETag);
    }

    [Fact]
    public void Token_is_re_signed_at_half_its_lifetime_with_the_same_version()
    {
        var first = _harness.Registry.Publisher.Get(1)!;

        _harness.Time.Advance(TimeSpan.FromMinutes(4));
        var early = _harness.Registry.Publisher.Get(1)!;
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var half = _harness.Registry.Publisher.Get(1)!;

        Assert.Same(first, early);
        Assert.NotEqual(first.Token, half.Token);
        Assert.Equal(first.Version, half.Version);
        Assert.Equal(_harness.Time.GetUtcNow().ToUnixTimeSeconds(), DecodedToken.Verify(half.Token!, _harness.Keys.Find).Claims.IssuedAt);
    }

    [Fact]
    public void Token_is_re_signed_when_the_signing_key_changes()
    {
        var before = _harness.Token(1);

        var rotated = _harness.Keys.Rotate();
        var after = _harness.Token(1);

        Assert.NotEqual(rotated.KeyId, before.Kid);
        Assert.Equal(rotated.KeyId, after.Kid);
    }

    [Fact]
    public async Task Lists_are_rebuilt_from_the_store_after_a_restart()
    {
        var revoked = _harness.Data.Next();
        var suspended = _harness.Data.Next();
        var revokedRef = await _harness.AllocateAsync(revoked);
        var suspendedRef = await _harness.AllocateAsync(suspended);
        var validRef = await _harness.AllocateAsync(_harness.Data.Next());
        await _harness.ApplyAsync(RevocationScope.Credential, revoked.CredentialId, RevocationAction.Revoke);
        await _harness.ApplyAsync(RevocationScope.Credential, suspended.CredentialId, RevocationAction.Suspend);
        var before = _harness.Token(1);

        _harness.Restart();
        var after = _harness.Token(1);

        Assert.Equal(before.Claims.Version, after.Claims.Version);
        Assert.Equal(before.Claims.StatusList.List, after.Claims.StatusList.List);
        Assert.Equal(StatusValue.Invalid, after.List.Get(revokedRef.Index));
        Assert.Equal(StatusValue.Suspended, after.List.Get(suspendedRef.Index));
        Assert.Equal(StatusValue.Valid, after.List.Get(validRef.Index));
    }

    [Fact]
    public void Unknown_list_is_null() => Assert.Null(_harness.Registry.Publisher.Get(99));

    public void Dispose() => _harness.Dispose();
}
