using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// Every log event of the issuer, source-generated with fixed ids in the issuer's range 5000-5899 (docs/architecture.md, "Event ids"). Never a token, key or secret:
/// only ids, key ids and file paths.
/// </summary>
internal static partial class IssuerLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Issuer {Issuer} started; data folder {DataPath}")]
    public static partial void IssuerStarted(ILogger logger, string issuer, string dataPath);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Generated a new credential keyset at {Path} (active key {KeyId}); for production point Issuer:KeySetPath at a managed keyset")]
    public static partial void KeySetGenerated(ILogger logger, string path, string keyId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Loaded credential keyset {Path}; active key {KeyId}")]
    public static partial void KeySetLoaded(ILogger logger, string path, string keyId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Generated the admin token signing key at {Path}")]
    public static partial void AdminTokenKeyGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Created bootstrap admin client {ClientId}; its secret was written once to {SecretPath} (mode 0600). Move it to a safe place.")]
    public static partial void BootstrapAdminCreated(ILogger logger, string clientId, string secretPath);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Issued credential {CredentialId} to agent {AgentId}; authoriser {Authoriser}; key {KeyId}")]
    public static partial void CredentialIssued(ILogger logger, string credentialId, string agentId, string authoriser, string keyId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Agent assertion refused for agent {AgentId}: {Reason}")]
    public static partial void AgentAssertionRefused(ILogger logger, string agentId, string reason);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Rotated the credential keyset; new active key {KeyId}")]
    public static partial void KeyRotated(ILogger logger, string keyId);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}; answered 500 internal_error")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Request refused on {Method} {Path}: {Code}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, string code);
}
