using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Store;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    /// <summary>
    /// Rebuilds memory from the store at start-up: list counters and versions, the entries that are not
    /// valid, blocks, the retained events, the last event and act ids; then signs every list. LiteDB has
    /// already discarded any transaction that was not committed when the process died. Returns the signing-key
    /// revocations whose key withdrawal is still pending.
    /// </summary>
    private List<ActDocument> Recover()
    {
        foreach (var list in _store.Lists.FindAll().OrderBy(l => l.Id))
        {
            _lists[list.Id] = new ListState(list.Id, list.Size, list.CreatedAt) { Allocated = list.Allocated, Version = list.Version, IndexKey = list.IndexKey };
            _publisher.AddList(list.Id, list.Size);
            _currentListId = Math.Max(_currentListId, list.Id);
        }

        // Only revoked and suspended entries are stored as such; everything else is valid.
        foreach (var credential in _store.Credentials.Find(c => c.Status > 0))
        {
            _publisher.Entries(credential.ListId).Set(credential.StatusIndex, (StatusValue)credential.Status);
        }

        foreach (var block in _store.Blocks.FindAll())
        {
            if (RevocationNames.TryParseAction(block.Action, out var action))
            {
                _blocks[block.Id] = action;
            }
        }

        _lastEventId = _store.Events.Query().OrderByDescending(e => e.Id).Limit(1).FirstOrDefault()?.Id ?? 0;
        _lastActId = _store.Acts.Query().OrderByDescending(a => a.Id).Limit(1).FirstOrDefault()?.Id ?? 0;
        var oldest = _store.Events.Query().OrderBy(e => e.Id).Limit(1).FirstOrDefault()?.Id;
        _prunedThrough = oldest is { } first ? first - 1 : _lastEventId;

        var keepFrom = _lastEventId - _options.EventRetention;
        var retained = _store.Events.Find(e => e.Id > keepFrom)
            .Select(e => e.Kind == EventNames.KeyWithdrawn
                ? ToKeyWithdrawnEvent(e.Id, e.KeyId ?? string.Empty)
                : ToStoredEvent(
                    e.Id,
                    e.Kind == EventNames.List ? EventKind.List : EventKind.Status,
                    e.ListId,
                    e.Version,
                    e.Status,
                    e.Indices))
            .ToList();
        _events.Initialize(retained, _lastEventId, _lists.Select(l => KeyValuePair.Create(l.Key, l.Value.Version)));

        foreach (var (id, list) in _lists)
        {
            _publisher.Publish(id, list.Version);
        }

        var pending = _store.Acts.Find(a => a.KeyWithdrawn == false).ToList();
        RevocationLog.Recovered(_logger, _lists.Count, retained.Count, _lastEventId, _lastActId);
        return pending;
    }

    /// <summary>Withdraws the keys of signing-key revocations a previous process committed but did not finish withdrawing.</summary>
    private async Task WithdrawPendingKeysAsync(List<ActDocument> pending)
    {
        foreach (var act in pending.OrderBy(a => a.Id))
        {
            await WithdrawKeyAsync(act.Target, act.Id).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The one step of an act outside its transaction: the keyset is a file of its own, not the store. A failure is
    /// logged and left pending (tried again after a restart); it never undoes the committed act. Withdrawing a key
    /// twice is harmless, so the step is retried until its success is recorded.
    /// </summary>
    private async Task WithdrawKeyAsync(string keyId, long actId)
    {
        try
        {
            await _keyHandler.OnCompromisedAsync(keyId, CancellationToken.None).ConfigureAwait(false);
            await _store.WriteAsync(tx =>
            {
                if (_store.Acts.FindById(actId) is { } act)
                {
                    act.KeyWithdrawn = true;
                    _store.Acts.Update(act);
                }

                return true;
            }, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The host's handler may fail in any way; the act stays committed and the step pending.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RevocationLog.KeyWithdrawalFailed(_logger, LogText.Escape(keyId)!, actId, ex.GetType().Name, ex);
        }
    }

    /// <summary>Reads a credential's stored registration (tests and diagnostics; a read of committed data).</summary>
    internal CredentialDocument? FindCredential(string credentialId) => _store.Credentials.FindById(credentialId);

    /// <summary>Reads a stored act (tests and diagnostics).</summary>
    internal ActDocument? FindAct(long actId) => _store.Acts.FindById(actId);
}
