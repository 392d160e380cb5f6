using ExecGov.Credentials.Store;
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
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, ReadOnly = true, Connection = ConnectionType.Direct }, LiteDbStore.CreateMapper());
        return Verify(db.GetCollection<AuditDocument>("audit").FindAll());
    }

    internal static AuditChainReport Verify(IEnumerable<AuditDocument> records)
    {
        // Every record is checked on its own terms (its hash, its link to the stored record before it), so one
        // break does not hide a later one: an attacker who breaks the chain early cannot tamper freely after it.
        var breaks = new List<AuditChainBreak>();
        var previous = AuditCanonicalForm.GenesisHash;
        long expected = 1, count = 0;
        foreach (var record in records.OrderBy(r => r.Id))
        {
            count++;
            if (record.Id != expected)
            {
                // The missing records' links cannot be checked; the record after the gap is not blamed for them.
                breaks.Add(new AuditChainBreak(expected, count, "sequence_gap"));
            }
            else if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                breaks.Add(new AuditChainBreak(record.Id, count, "previous_hash_mismatch"));
            }

            if (!string.Equals(AuditCanonicalForm.ComputeHash(record), record.Hash, StringComparison.Ordinal))
            {
                breaks.Add(new AuditChainBreak(record.Id, count, "hash_mismatch"));
            }

            previous = record.Hash;
            expected = record.Id + 1;
        }

        return new AuditChainReport(breaks.Count == 0, count, breaks, count == 0 ? null : previous);
    }
}
