using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>
/// Appends hash-chained records: the one chain of the deployment, for issuer and revocation acts alike. Call only
/// inside a unit of work (<see cref="IExecGovStore.WriteAsync{T}"/>): the store's single writer keeps the sequence
/// gap-free and the record commits or rolls back with the change it describes.
/// </summary>
internal sealed class AuditLog(IExecGovStore store, TimeProvider time)
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
