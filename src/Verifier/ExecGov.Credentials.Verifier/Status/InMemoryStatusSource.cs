using System.Collections.Concurrent;
using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// A status source held in memory: for tests and for hosts that receive status some other way. A list that
/// was never declared is <see cref="CredentialStatus.Unavailable"/>, so forgetting to feed it fails closed.
/// </summary>
public sealed class InMemoryStatusSource : ICredentialStatusSource
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, CredentialStatus>> _lists = new(StringComparer.Ordinal);

    /// <summary>Declares a list as known; every index in it is valid until set otherwise.</summary>
    public void DeclareList(string uri) => _lists.TryAdd(uri, new ConcurrentDictionary<int, CredentialStatus>());

    /// <summary>Sets one entry's status, declaring its list if needed.</summary>
    public void Set(StatusListReference reference, CredentialStatus status)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _lists.GetOrAdd(reference.Uri, _ => new ConcurrentDictionary<int, CredentialStatus>())[reference.Index] = status;
    }

    /// <summary>Forgets a list: its credentials become <see cref="CredentialStatus.Unavailable"/>.</summary>
    public void RemoveList(string uri) => _lists.TryRemove(uri, out _);

    /// <inheritdoc />
    public ValueTask<CredentialStatus> GetStatusAsync(string issuer, StatusListReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!_lists.TryGetValue(reference.Uri, out var list))
        {
            return ValueTask.FromResult(CredentialStatus.Unavailable);
        }

        return ValueTask.FromResult(list.TryGetValue(reference.Index, out var status) ? status : CredentialStatus.Valid);
    }
}
