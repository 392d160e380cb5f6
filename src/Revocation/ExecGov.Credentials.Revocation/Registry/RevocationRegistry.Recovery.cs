using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Revocation.Events;
using ExecGov.Credentials.Revocation.Logging;
using ExecGov.Credentials.Revocation.Storage;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Registry;

internal sealed partial class RevocationRegistry
{
    /// <summary>
    /// Rebuilds memory from the store at start-up: list counters and versions, the entries that are not
    /// valid, blocks, the retained events, the last event and act ids; then signs every list. LiteDB has
    /// already discarded any transaction that was not committed when the process died. Returns the acts whose
    /// after-commit steps are still pending.
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
            _publisher.Entries(credential.ListId).Set(credential.Index, (StatusValue)credential.Status);
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

        var pending = _store.Acts.Find(a => a.Audited == false).ToList();
        pending.AddRange(_store.Acts.Find(a => a.KeyWithdrawn == false && a.Audited == true));
        RevocationLog.Recovered(_logger, _lists.Count, retained.Count, _lastEventId, _lastActId);
        return pending;
    }

    /// <summary>Runs again the after-commit steps that a previous process did not finish (at-least-once).</summary>
    private async Task RedeliverAsync(List<ActDocument> pending)
    {
        foreach (var act in pending.OrderBy(a => a.Id))
        {
            if (!RevocationNames.TryParseScope(act.Scope, out var scope) || !RevocationNames.TryParseAction(act.Action, out var action))
            {
                continue;
            }

            var request = new RevocationRequest { Scope = scope, Target = act.Target, Action = action, Responder = act.Responder, Reason = act.Reason };
            var result = new RevocationResult
            {
                ActId = act.Id,
                Covered = act.Covered,
                Changed = act.Changed,
                ChangedAt = DateTimeOffset.FromUnixTimeMilliseconds(act.At),
                LastEventId = act.LastEventId,
            };
            await FollowUpAsync(request, result, audit: !act.Audited, withdrawKey: act.KeyWithdrawn == false).ConfigureAwait(false);
        }
    }

    private ValueTask FollowUpAsync(RevocationRequest request, RevocationResult result) =>
        FollowUpAsync(request, result, audit: true, withdrawKey: request.Scope == RevocationScope.SigningKey && request.Action == RevocationAction.Revoke);

    /// <summary>
    /// The after-commit steps: withdraw a revoked signing key, then hand the act to the audit sink. A failure
    /// is logged and left pending (tried again after a restart); it never undoes the committed act.
    /// </summary>
    private async ValueTask FollowUpAsync(RevocationRequest request, RevocationResult result, bool audit, bool withdrawKey)
    {
        var withdrawn = false;
        if (withdrawKey)
        {
            try
            {
                await _keyHandler.OnCompromisedAsync(request.Target, CancellationToken.None).ConfigureAwait(false);
                withdrawn = true;
            }
#pragma warning disable CA1031 // The host's handler may fail in any way; the act stays committed and the step pending.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                RevocationLog.KeyWithdrawalFailed(_logger, LogText.Escape(request.Target)!, result.ActId, ex.GetType().Name, ex);
            }
        }

        var audited = false;
        if (audit)
        {
            try
            {
                await _audit.RecordAsync(new RevocationAuditRecord { ActId = result.ActId, Request = request, Result = result }, CancellationToken.None).ConfigureAwait(false);
                audited = true;
            }
#pragma warning disable CA1031 // As above: the audit store may fail in any way; the act is kept and re-delivered.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                RevocationLog.AuditFailed(_logger, result.ActId, ex.GetType().Name, ex);
            }
        }

        if (audited || withdrawn)
        {
            _followUps.Enqueue(new FollowUp(result.ActId, audited, withdrawn));
        }
    }

    /// <summary>Reads a credential's stored registration (tests and diagnostics; safe beside the writer, LiteDB serialises it).</summary>
    internal CredentialDocument? FindCredential(string credentialId) => _store.Credentials.FindById(credentialId);

    /// <summary>Reads a stored act (tests and diagnostics).</summary>
    internal ActDocument? FindAct(long actId) => _store.Acts.FindById(actId);
}
