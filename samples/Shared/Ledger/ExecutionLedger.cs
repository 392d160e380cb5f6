using ExecGov.Credentials.Verifier;

namespace ExecGov.Samples.Ledger;

/// <summary>
/// The actions a sample executed, in memory and append-only. Only a handler or tool that runs writes here, so a
/// denied call leaves it unchanged: that is what the end-to-end test checks through <c>GET …/ledger</c>.
/// </summary>
public sealed class ExecutionLedger(TimeProvider time)
{
    // A sample keeps every entry until it stops; a real service would write to its own database.
    private readonly List<LedgerEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>Appends an executed action, naming the allow <paramref name="decision"/> behind it.</summary>
    public LedgerEntry Record(Decision? decision, string action, string resource, PaymentDetails? payment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        lock (_gate)
        {
            var entry = new LedgerEntry
            {
                Sequence = _entries.Count + 1,
                ExecutedAt = time.GetUtcNow(),
                Action = action,
                Resource = resource,
                Amount = payment?.Amount,
                Currency = payment?.Currency,
                Destination = payment?.Destination,
                Agent = decision?.AgentId,
                Authoriser = decision?.Authoriser?.Subject,
                CredentialId = decision?.CredentialId,
                DecisionId = decision?.DecisionId,
            };
            _entries.Add(entry);
            return entry;
        }
    }

    /// <summary>A copy of every entry, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
