using ExecGov.Credentials.Signing.Keys;
using ExecGov.Credentials.Revocation.Keys;
using ExecGov.Credentials.Revocation.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Revocation.Tests.Keys;

public sealed class KeySetCompromiseHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Revoked_key_is_marked_compromised_in_the_keyset_and_leaves_the_jwks()
    {
        using var directory = new TempFolder();
        var path = directory.File("keys.json");
        var key = SigningKeySet.Generate(path, _time);
        var handler = Handler(path);

        await handler.OnCompromisedAsync(key.KeyId, CancellationToken.None);
        await handler.OnCompromisedAsync(key.KeyId, CancellationToken.None);

        using var reloaded = SigningKeySet.Load(path, allowDevelopmentKeys: false);
        Assert.Equal(SigningKeyStatus.Compromised, reloaded.Keys.Single(k => k.KeyId == key.KeyId).Status);
        Assert.Equal(2, reloaded.Keys.Count);
        Assert.DoesNotContain(reloaded.ToPublicJwks(_time.GetUtcNow()).Keys, k => k.Kid == key.KeyId);
    }

    [Fact]
    public async Task Key_unknown_to_the_keyset_changes_nothing()
    {
        using var directory = new TempFolder();
        var path = directory.File("keys.json");
        var key = SigningKeySet.Generate(path, _time);
        var before = await File.ReadAllTextAsync(path);

        await Handler(path).OnCompromisedAsync("kid-from-elsewhere", CancellationToken.None);

        Assert.Equal(before, await File.ReadAllTextAsync(path));
        using var reloaded = SigningKeySet.Load(path, allowDevelopmentKeys: false);
        Assert.Equal(SigningKeyStatus.Active, reloaded.Keys.Single(k => k.KeyId == key.KeyId).Status);
    }

    private KeySetCompromiseHandler Handler(string path) =>
        new(Options.Create(new RevocationOptions { KeySetPath = path }), _time, NullLogger<KeySetCompromiseHandler>.Instance);
}
