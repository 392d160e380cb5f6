using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Signing.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Keys;

/// <summary>
/// The credential signing keys: the keyset file named by configuration, or a development keyset generated on
/// first run in the data folder (0600). A configured file is never generated, and a development-only file
/// (keys.sample) is refused unless explicitly allowed in the Development environment. Rotation rewrites the
/// file and swaps the loaded set; earlier sets stay alive until shutdown so an issuance in flight never signs
/// with a disposed key.
/// </summary>
internal sealed class KeyRing : IDisposable
{
    private readonly List<SigningKeySet> _retired = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retainRetired;
    private readonly bool _allowDevelopmentKeys;
    private volatile SigningKeySet _current;

    public KeyRing(IOptions<IssuerOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<KeyRing> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _time = time;
        var value = options.Value;

        // A retired key must stay published as long as anything it signed can still be valid.
        _retainRetired = value.MaxCredentialLifetime + value.ClockSkew;
        _allowDevelopmentKeys = value.AllowDevelopmentKeys && environment.IsDevelopment();
        if (value.KeySetPath is { Length: > 0 } configured)
        {
            Path = System.IO.Path.GetFullPath(configured);
        }
        else
        {
            Path = System.IO.Path.Combine(DataFolder.Ensure(value.DataPath), DataFolder.KeySetFile);
            if (!File.Exists(Path))
            {
                var generated = SigningKeySet.Generate(Path, time);
                IssuerLog.KeySetGenerated(logger, Path, generated.KeyId);
            }
        }

        _current = SigningKeySet.Load(Path, _allowDevelopmentKeys);
        IssuerLog.KeySetLoaded(logger, Path, _current.ActiveKey.KeyId);
    }

    /// <summary>The keyset file in use.</summary>
    public string Path { get; }

    /// <summary>The currently loaded keys.</summary>
    public SigningKeySet Current => _current;

    /// <summary>The key that signs new credentials.</summary>
    public Ed25519SigningKey ActiveKey => _current.ActiveKey;

    /// <summary>Rotates the keyset file and loads it: a new active key, the old one retired but published.</summary>
    public SigningKeyInfo Rotate()
    {
        lock (_gate)
        {
            var info = SigningKeySet.Rotate(Path, _retainRetired, _time);
            var loaded = SigningKeySet.Load(Path, _allowDevelopmentKeys);
            _retired.Add(_current);
            _current = loaded;
            return info;
        }
    }

    /// <summary>Marks a key compromised in the keyset file and loads the result; answers the active key id afterwards.</summary>
    /// <exception cref="KeySetException">No key has that id, or the file cannot be rewritten.</exception>
    public string MarkCompromised(string keyId)
    {
        lock (_gate)
        {
            SigningKeySet.MarkCompromised(Path, keyId, _time);
            var loaded = SigningKeySet.Load(Path, _allowDevelopmentKeys);
            _retired.Add(_current);
            _current = loaded;
            return loaded.ActiveKey.KeyId;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Dispose();
            _retired.ForEach(set => set.Dispose());
            _retired.Clear();
        }
    }
}
