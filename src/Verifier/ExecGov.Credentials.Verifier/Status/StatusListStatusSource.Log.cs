using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Status;

/// <summary>Source-generated log events of the status source (ids 2201–2219). Never a token or key.</summary>
public sealed partial class StatusListStatusSource
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Status list {Uri} fetched and verified: version {Version}, {Entries} entries, behind {Behind}")]
    private static partial void LogListFetched(ILogger logger, string uri, long version, int entries, bool behind);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Could not fetch status list {Uri} ({Cause}); keeping what is held, which ages and then denies")]
    private static partial void LogFetchFailed(ILogger logger, string uri, string cause);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Refused the status list token of {Uri}: {Check}; keeping what is held, which ages and then denies")]
    private static partial void LogTokenRefused(ILogger logger, string uri, string check);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Refused status list {Uri} at version {Version}: older than version {Held} already verified (roll-back)")]
    private static partial void LogRollbackRefused(ILogger logger, string uri, long version, long held);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "A credential of issuer {Issuer} names status list {Uri}, which is not under the issuer's status list base {Base}; not fetched, denied status_unavailable")]
    private static partial void LogListOutsideBase(ILogger logger, string issuer, string uri, string @base);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "Issuer {Issuer} already has {Max} status lists held; status list {Uri} is not fetched and its credentials are denied status_unavailable")]
    private static partial void LogTooManyLists(ILogger logger, string issuer, int max, string uri);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Debug, Message = "Status list {Uri} confirmed unchanged at version {Version} (304)")]
    private static partial void LogListConfirmed(ILogger logger, string uri, long version);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Debug, Message = "A fetched copy of status list {Uri} (version {Version}) is older than the version {Held} events already produced; kept the newer")]
    private static partial void LogFetchedOlderThanEvents(ILogger logger, string uri, long version, long held);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Information, Message = "Event for status list {Uri} at version {EventVersion} cannot be applied to version {Held}; the list is refetched and denies until then")]
    private static partial void LogEventNotApplied(ILogger logger, string uri, long held, long eventVersion);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Warning, Message = "Refetching every status list of issuer {Issuer}: {Reason}")]
    private static partial void LogRefetchingAll(ILogger logger, string issuer, string reason);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Error, Message = "Unexpected fault ({Fault}) while fetching status list {Uri}; keeping what is held, which ages and then denies")]
    private static partial void LogFetchFault(ILogger logger, string uri, string fault);

    [LoggerMessage(EventId = 2212, Level = LogLevel.Error, Message = "Issuer {Issuer} names no status_list_base in its metadata and none is configured; its credentials with a status claim are denied status_unavailable")]
    private static partial void LogNoStatusEndpoints(ILogger logger, string issuer);

    [LoggerMessage(EventId = 2213, Level = LogLevel.Warning, Message = "Issuer {Issuer} withdrew signing key {KeyId} on its event stream; the key verifies nothing more in this process (applied to the key source: {Applied})")]
    private static partial void LogKeyWithdrawn(ILogger logger, string issuer, string keyId, bool applied);
}
