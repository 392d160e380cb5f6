using ExecGov.Credentials.Issuer.Storage;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>
/// Appends hash-chained records. Call only inside <see cref="IssuerStore.Write{T}"/>: the write lock keeps
/// the sequence gap-free and the record commits or rolls back with the change it describes.
/// </summary>
internal sealed class AuditLog(IssuerStore store, TimeProvider time)
{
    public AuditDocument Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var last = store.Audit.Query().OrderByDescending(a => a.Id).Limit(1).FirstOrDefault();
        var record = new AuditDocument
        {
            Id = (last?.Id ?? 0) + 1,
            At = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Kind = entry.Kind,
            Actor = entry.Actor,
            AgentId = entry.AgentId,
            CredentialId = entry.CredentialId,
            SessionId = entry.SessionId,
            ApprovalId = entry.ApprovalId,
            Details = entry.Details,
            PreviousHash = last?.Hash ?? AuditCanonicalForm.GenesisHash,
        };
        record.Hash = AuditCanonicalForm.ComputeHash(record);
        store.Audit.Insert(record);
        return record;
    }
}
