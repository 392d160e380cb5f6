using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Revocation.Logging;

/// <summary>
/// Source-generated log messages of the revocation component, event ids 6001–6099. Never a token, key or
/// reason text: ids, counts and exception type names only.
/// </summary>
internal static partial class RevocationLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Revocation store opened: {ListCount} lists, {EventCount} retained events, last event {LastEventId}, last act {LastActId}")]
    public static partial void Recovered(ILogger logger, int listCount, int eventCount, long lastEventId, long lastActId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Revocation act {ActId}: {Action} {Scope}, covered {Covered}, changed {Changed}")]
    public static partial void ActApplied(ILogger logger, long actId, RevocationAction action, RevocationScope scope, int covered, int changed);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Status list {ListId} started ({Size} entries)")]
    public static partial void ListStarted(ILogger logger, int listId, int size);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Signing status list {ListId} at version {Version} failed ({Cause}); the list answers 503 until signing succeeds")]
    public static partial void SigningFailed(ILogger logger, int listId, long version, string cause);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Withdrawing signing key {KeyId} (act {ActId}) failed ({Cause}); its credentials are revoked, the withdrawal is retried after a restart")]
    public static partial void KeyWithdrawalFailed(ILogger logger, string keyId, long actId, string cause, Exception exception);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Signing key {KeyId} was revoked but no keyset file is configured (Revocation:KeySetPath) and no ISigningKeyCompromiseHandler is registered: withdraw it from the JWKS by hand")]
    public static partial void NoKeySetForCompromise(ILogger logger, string keyId);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Information, Message = "Signing key {KeyId} marked compromised in the keyset file")]
    public static partial void KeyMarkedCompromised(ILogger logger, string keyId);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Debug, Message = "Event stream subscriber connected (Last-Event-ID {LastEventId})")]
    public static partial void SubscriberConnected(ILogger logger, long? lastEventId);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Information, Message = "Event stream subscriber asked to resume after {LastEventId}, which is no longer retained (newest {NewestId}); sent reset")]
    public static partial void SubscriberReset(ILogger logger, long lastEventId, long newestId);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Information, Message = "Pruned revocation events up to {EventId}")]
    public static partial void EventsPruned(ILogger logger, long eventId);
}
