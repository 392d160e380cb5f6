using ExecGov.Credentials.Issuer.Storage;
using LiteDB;

namespace ExecGov.Credentials.Issuer.Audit;

/// <summary>
/// Checks the hash chain of the audit trail: each record's hash over its canonical content, its link to the
/// previous record's hash, and a gap-free sequence. Used by the verify endpoint and usable from a CLI on a
/// stopped issuer's database file.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>Opens the issuer database at <paramref name="databasePath"/> read-only and checks its chain.</summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="LiteException">The file is not a LiteDB database or is in use.</exception>
    public static AuditChainReport Verify(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, ReadOnly = true, Connection = ConnectionType.Direct });
        return Verify(db.GetCollection<AuditDocument>("audit").FindAll());
    }

    internal static AuditChainReport Verify(IEnumerable<AuditDocument> records)
    {
        var previous = AuditCanonicalForm.GenesisHash;
        long expected = 1, count = 0;
        foreach (var record in records.OrderBy(r => r.Id))
        {
            count++;
            if (record.Id != expected)
            {
                return new AuditChainReport(false, count, expected, "sequence_gap", previous);
            }

            if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditChainReport(false, count, record.Id, "previous_hash_mismatch", previous);
            }

            if (!string.Equals(AuditCanonicalForm.ComputeHash(record), record.Hash, StringComparison.Ordinal))
            {
                return new AuditChainReport(false, count, record.Id, "hash_mismatch", previous);
            }

            previous = record.Hash;
            expected++;
        }

        return new AuditChainReport(true, count, null, null, count == 0 ? null : previous);
    }
}
