namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>What <see cref="IProofReplayCache.Record"/> did with a proof id.</summary>
public enum ProofRecordOutcome
{
    /// <summary>Remembered now; the proof is fresh.</summary>
    Recorded,

    /// <summary>Already remembered: a replay.</summary>
    Replayed,

    /// <summary>Not remembered because the holder key's share (or the whole memory) is full; a deny, never an allow.</summary>
    QuotaExceeded,
}
