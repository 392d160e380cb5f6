using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Revocation.Storage;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    /// <summary>
    /// Registers a credential at the list's next index, unpredictable and never repeated (writer thread, inside the batch's transaction). The
    /// same credential id again answers its existing reference; a block on its session, agent, authoriser,
    /// signing key or holder key refuses it.
    /// </summary>
    private Action Allocate(Batch batch, AllocationWork work)
    {
        var registration = work.Registration;
        var existing = _store.Credentials.FindById(registration.CredentialId);
        if (existing is not null)
        {
            if (!SameRegistration(existing, registration))
            {
                var conflict = new ArgumentException(
                    "This credential id is already registered with a different session, agent, authoriser, signing key or expiry; credential ids must be unique.",
                    nameof(registration));
                return () => work.Completion.TrySetException(conflict);
            }

            var known = new StatusListReference { Index = existing.Index, Uri = _publisher.Uris.For(existing.ListId) };
            return () => work.Completion.TrySetResult(known);
        }

        foreach (var (scope, target) in (ReadOnlySpan<(RevocationScope, string?)>)
            [
                (RevocationScope.Session, registration.SessionId),
                (RevocationScope.Agent, registration.AgentId),
                (RevocationScope.Authoriser, registration.AuthoriserSubject),
                (RevocationScope.SigningKey, registration.SigningKeyId),
                (RevocationScope.HolderKey, registration.HolderKeyThumbprint),
            ])
        {
            if (target is not null && TryGetBlock(batch, BlockKey(scope, target), out var action))
            {
                var blocked = new IssuanceBlockedException(scope, action);
                return () => work.Completion.TrySetException(blocked);
            }
        }

        var list = ListForBatch(batch, batch.CurrentListId);
        if (list.Allocated >= list.Size)
        {
            list = StartList(batch);
        }

        var index = IndexPermutation.Map(list.IndexKey, list.Size, list.Allocated);
        list.Allocated++;
        _store.Credentials.Insert(new CredentialDocument
        {
            Id = registration.CredentialId,
            SessionId = registration.SessionId,
            AgentId = registration.AgentId,
            AuthoriserSubject = registration.AuthoriserSubject,
            SigningKeyId = registration.SigningKeyId,
            HolderKeyThumbprint = registration.HolderKeyThumbprint,
            ExpiresAt = registration.ExpiresAt.ToUnixTimeSeconds(),
            ListId = list.Id,
            Index = index,
            Status = 0,
        });
        var reference = new StatusListReference { Index = index, Uri = _publisher.Uris.For(list.Id) };
        return () => work.Completion.TrySetResult(reference);
    }

    private static bool SameRegistration(CredentialDocument existing, CredentialRegistration registration) =>
        string.Equals(existing.SessionId, registration.SessionId, StringComparison.Ordinal) &&
        string.Equals(existing.AgentId, registration.AgentId, StringComparison.Ordinal) &&
        string.Equals(existing.AuthoriserSubject, registration.AuthoriserSubject, StringComparison.Ordinal) &&
        string.Equals(existing.SigningKeyId, registration.SigningKeyId, StringComparison.Ordinal) &&
        string.Equals(existing.HolderKeyThumbprint, registration.HolderKeyThumbprint, StringComparison.Ordinal) &&
        existing.ExpiresAt == registration.ExpiresAt.ToUnixTimeSeconds();
}
