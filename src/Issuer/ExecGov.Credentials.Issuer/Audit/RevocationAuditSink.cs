using System.Text.Json;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>
/// Puts each committed revocation act into the hash-chained audit trail (<c>revocation_recorded</c>), naming
/// the credential, session or agent it covers so that traces show it.
/// </summary>
internal sealed class RevocationAuditSink(IssuerStore store, AuditLog audit) : IRevocationAuditSink
{
    public ValueTask RecordAsync(RevocationAuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = record.Request;
        var target = request.Target;
        store.Write<bool>(() =>
        {
            audit.Append(new AuditEntry(AuditEventKinds.RevocationRecorded, request.Responder,
                AgentId: request.Scope == RevocationScope.Agent ? target : null,
                CredentialId: request.Scope == RevocationScope.Credential ? target : null,
                SessionId: request.Scope == RevocationScope.Session ? target : null,
                Details: JsonSerializer.Serialize(new RevocationRecordedDetails(record.ActId, Name(request.Scope), target, Name(request.Action), request.Reason,
                    record.Result.Covered, record.Result.Changed, record.Result.ChangedAt), IssuerJsonContext.Default.RevocationRecordedDetails)));
            return true;
        });
        return ValueTask.CompletedTask;
    }

    private static string Name(RevocationScope scope) => scope switch
    {
        RevocationScope.Credential => "credential",
        RevocationScope.Session => "session",
        RevocationScope.Agent => "agent",
        RevocationScope.Authoriser => "authoriser",
        _ => "signing_key",
    };

    private static string Name(RevocationAction action) => action switch
    {
        RevocationAction.Revoke => "revoke",
        RevocationAction.Suspend => "suspend",
        _ => "unsuspend",
    };
}
