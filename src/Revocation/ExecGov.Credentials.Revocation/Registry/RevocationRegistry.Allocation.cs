using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    /// <summary>
    /// Inside a unit of work: gives <paramref name="credential"/> the current list's next index, unpredictable and
    /// never repeated, and stores it (status valid). The index commits or rolls back with the rest of the unit, so a
    /// credential is never stored without its index nor an index without its credential. The same credential id
    /// again answers its existing reference; a block on its session, agent, authoriser, signing key or holder key
    /// refuses it.
    /// </summary>
    /// <exception cref="ArgumentException">The credential id is already registered with a different session, agent, authoriser, key or expiry.</exception>
    /// <exception cref="IssuanceBlockedException">A revocation or suspension covers the credential: do not issue.</exception>
    internal StatusListReference Register(IStoreTransaction transaction, CredentialDocument credential)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(credential);
        var batch = BatchFor(transaction);
        var existing = _store.Credentials.FindById(credential.Id);
        if (existing is not null)
        {
            if (!SameRegistration(existing, credential))
            {
                throw new ArgumentException(
                    "This credential id is already registered with a different session, agent, authoriser, signing key or expiry; credential ids must be unique.",
                    nameof(credential));
            }

            return new StatusListReference { Index = existing.StatusIndex, Uri = _publisher.Uris.For(existing.ListId) };
        }

        foreach (var (scope, target) in (ReadOnlySpan<(RevocationScope, string?)>)
            [
                (RevocationScope.Session, credential.SessionId),
                (RevocationScope.Agent, credential.AgentId),
                (RevocationScope.Authoriser, credential.AuthoriserSubject),
                (RevocationScope.SigningKey, credential.KeyId),
                (RevocationScope.HolderKey, credential.HolderKeyThumbprint),
            ])
        {
            if (target is not null && TryGetBlock(batch, BlockKey(scope, target), out var action))
            {
                throw new IssuanceBlockedException(scope, action);
            }
        }

        var list = ListForBatch(batch, batch.CurrentListId);
        if (list.Allocated >= list.Size)
        {
            list = StartList(batch);
        }

        var index = IndexPermutation.Map(list.IndexKey, list.Size, list.Allocated);
        list.Allocated++;
        var uri = _publisher.Uris.For(list.Id);
        credential.ListId = list.Id;
        credential.StatusIndex = index;
        credential.StatusUri = uri;
        credential.Status = 0;
        _store.Credentials.Insert(credential);
        SaveLists(batch);
        return new StatusListReference { Index = index, Uri = uri };
    }

    private static bool SameRegistration(CredentialDocument existing, CredentialDocument credential) =>
        string.Equals(existing.SessionId, credential.SessionId, StringComparison.Ordinal) &&
        string.Equals(existing.AgentId, credential.AgentId, StringComparison.Ordinal) &&
        string.Equals(existing.AuthoriserSubject, credential.AuthoriserSubject, StringComparison.Ordinal) &&
        string.Equals(existing.KeyId, credential.KeyId, StringComparison.Ordinal) &&
        string.Equals(existing.HolderKeyThumbprint, credential.HolderKeyThumbprint, StringComparison.Ordinal) &&
        existing.Expires == credential.Expires;
}
