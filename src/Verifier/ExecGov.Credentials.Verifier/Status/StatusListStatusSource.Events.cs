using ExecGov.Credentials.Status;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Verifier.Status.Events;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Applying the event stream (docs/revocation.md §3) to the held lists.</summary>
public sealed partial class StatusListStatusSource
{
    /// <summary>
    /// <c>hello</c>: every held list older than the version announced is behind (answered as unavailable until it
    /// catches up); every held list at the announced version is confirmed. A fresh subscription refetches lists that
    /// are behind at once; a resumed one (<paramref name="resumed"/>: <c>Last-Event-ID</c> was sent and the issuer
    /// can replay) first gives the replay that follows hello <see cref="StatusListOptions.MinimumRefetchInterval"/>
    /// to bring them up to date, so a reconnect after a blip does not make every verifier refetch every list.
    /// </summary>
    internal void OnHello(IssuerStatusState state, HelloEvent hello, bool resumed)
    {
        var now = _time.GetUtcNow();
        state.Heard(now);
        foreach (var list in hello.Lists)
        {
            Announce(state, list.Uri, list.Version, now, confirmIfCurrent: true, refetchNow: !resumed);
        }
    }

    /// <summary><c>list</c>: a new list exists at version 0; noted so that a first fetch knows what to expect.</summary>
    internal void OnListStarted(IssuerStatusState state, ListVersion list)
    {
        var now = _time.GetUtcNow();
        state.Heard(now);
        Announce(state, list.Uri, list.Version, now, confirmIfCurrent: false, refetchNow: true);
    }

    /// <summary>
    /// <c>status</c>: applied atomically (copy, change, swap) when the list is held at <c>version - 1</c>; ignored when
    /// the list already has it; otherwise the list is behind and refetched.
    /// </summary>
    internal void OnStatusChanged(IssuerStatusState state, StatusChangeEvent change)
    {
        var now = _time.GetUtcNow();
        state.Heard(now);
        if (!NoteAnnounced(state, change.Uri, change.Version) || !state.Lists.TryGetValue(change.Uri, out var entry))
        {
            return;
        }

        bool refetch;
        lock (entry.Gate)
        {
            entry.AnnouncedVersion = Math.Max(entry.AnnouncedVersion, change.Version);
            var current = entry.Current;
            if (current?.Version is { } held && change.Version <= held)
            {
                return; // Already reflected in what is held.
            }

            if (current?.Version is { } previous && change.Version == previous + 1 && TryApply(current.List, change) is { } changed)
            {
                // Versions of one list are gap-free, so v-1 plus event v is exactly v: current, whatever happened before.
                entry.NeedsRefetch = change.Version < entry.AnnouncedVersion;
                entry.Current = current with
                {
                    List = changed,
                    Version = change.Version,
                    ETag = current.ETag == ETagFor(previous) ? ETagFor(change.Version) : current.ETag,
                    // Current again, but only as fresh as the last signed list: an unsigned event never extends freshness.
                    ConfirmedAt = entry.NeedsRefetch ? DateTimeOffset.MinValue : current.SignedAt,
                };
                refetch = false;
            }
            else
            {
                LogEventNotApplied(_logger, change.Uri, current?.Version ?? -1, change.Version);
                MarkBehind(entry);
                refetch = true;
            }
        }

        if (refetch)
        {
            StartFetch(state, entry, rateLimited: true);
        }
    }

    /// <summary>
    /// A heartbeat when everything up to its <c>last_id</c> was applied: the issuer is there, nothing more. A heartbeat
    /// is not signed, so it never makes a list fresher (docs/revocation.md §4): only a verified list token does, and
    /// polling brings one at least every half <see cref="StatusListOptions.MaxStatusAge"/>.
    /// </summary>
    internal void OnUpToDate(IssuerStatusState state) => state.Heard(_time.GetUtcNow());

    /// <summary>
    /// <c>reset</c>, or a gap in event ids: events may have been missed, so every held list is behind until it is
    /// refetched (and denies meanwhile).
    /// </summary>
    internal void OnEventsMissed(IssuerStatusState state, string reason)
    {
        state.Heard(_time.GetUtcNow());
        LogRefetchingAll(_logger, state.Issuer, reason);
        foreach (var entry in state.Lists.Values)
        {
            lock (entry.Gate)
            {
                MarkBehind(entry);
            }

            StartFetch(state, entry, rateLimited: true);
        }
    }

    /// <summary>
    /// <c>key_withdrawn</c>: the key source drops the key at once (it stays dropped for the life of the process), so
    /// credentials and status list tokens it signed are refused (<c>unknown_key</c>) without waiting for the next JWKS
    /// refresh.
    /// </summary>
    internal void OnKeyWithdrawn(IssuerStatusState state, KeyWithdrawnEvent withdrawn)
    {
        state.Heard(_time.GetUtcNow());
        var applied = _keys is IKeyWithdrawal keys && keys.Withdraw(state.Issuer, withdrawn.KeyId);
        LogKeyWithdrawn(_logger, state.Issuer, LogText.Escape(withdrawn.KeyId), applied);
    }

    /// <summary>Any message on the stream: the issuer is there.</summary>
    internal void OnStreamMessage(IssuerStatusState state) => state.Heard(_time.GetUtcNow());

    private static void MarkBehind(StatusListEntry entry)
    {
        entry.NeedsRefetch = true;
        if (entry.Current is { IsOutdated: false } current)
        {
            entry.Current = current with { ConfirmedAt = DateTimeOffset.MinValue };
        }
    }

    /// <summary>
    /// The changed copy, or null when the event cannot be applied: an index outside the list, a status the list
    /// cannot hold or that is not 0, 1 or 2, or a change away from 1 (revoked is final, docs/revocation.md §1;
    /// events are only as trustworthy as the TLS connection, so the signed list decides instead).
    /// </summary>
    private static StatusList? TryApply(StatusList list, StatusChangeEvent change)
    {
        if (change.Status is < 0 or > 2 || change.Status >= 1 << list.Bits)
        {
            return null;
        }

        var value = (StatusValue)change.Status;
        var copy = list.Clone();
        foreach (var index in change.Indices)
        {
            if (!copy.TryGet(index, out var old) || (old == StatusValue.Invalid && value != StatusValue.Invalid))
            {
                return null;
            }

            copy.Set(index, value);
        }

        return copy;
    }

    private void Announce(IssuerStatusState state, string uri, long version, DateTimeOffset now, bool confirmIfCurrent, bool refetchNow)
    {
        if (!NoteAnnounced(state, uri, version) || !state.Lists.TryGetValue(uri, out var entry))
        {
            return;
        }

        bool refetch = false;
        lock (entry.Gate)
        {
            entry.AnnouncedVersion = Math.Max(entry.AnnouncedVersion, version);
            var current = entry.Current;
            if (current?.Version is { } held && held >= entry.AnnouncedVersion)
            {
                // hello names the current version of every list, and a list's versions are gap-free: holding it
                // means being current, whatever made the list count as behind before.
                if (confirmIfCurrent)
                {
                    // No longer behind, and as fresh as its last signed list: hello is not signed, so never fresher.
                    entry.NeedsRefetch = false;
                    entry.Current = current with { ConfirmedAt = current.SignedAt };
                }
            }
            else if (current is not null)
            {
                MarkBehind(entry);
                refetch = refetchNow;
                if (!refetchNow)
                {
                    entry.RefetchNotBefore = now + _options.MinimumRefetchInterval;
                }
            }
        }

        if (refetch)
        {
            StartFetch(state, entry, rateLimited: true);
        }
    }

    /// <summary>Remembers the newest version announced for a list under the issuer's base; false for any other URI.</summary>
    private bool NoteAnnounced(IssuerStatusState state, string uri, long version)
    {
        if (state.Endpoints is not { } endpoints || !endpoints.Lists.Contains(uri))
        {
            return false;
        }

        // Bounded like the lists themselves: a stream cannot grow this without limit.
        if (state.Announced.Count < _options.MaxListsPerIssuer * 4 || state.Announced.ContainsKey(uri))
        {
            state.Announced.AddOrUpdate(uri, version, (_, old) => Math.Max(old, version));
        }

        return true;
    }
}
