namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// Remembers proof ids for as long as the proofs could be accepted, so each proof is used once
/// (RFC 9449 §11.1). Replace with a shared store when several verifier instances serve one audience.
/// </summary>
public interface IProofReplayCache
{
    /// <summary>
    /// Records the proof <paramref name="proofId"/> of the holder key <paramref name="keyThumbprint"/> until
    /// <paramref name="forgetAfter"/>; false when it was already recorded, or when the cache is full (fail closed).
    /// Ids are scoped to the key, so one agent cannot use up another agent's proof ids.
    /// </summary>
    bool TryRecord(string keyThumbprint, string proofId, DateTimeOffset forgetAfter);

    /// <summary>
    /// As <see cref="TryRecord"/>, saying why a proof was not recorded. The verifier calls it only for a presentation
    /// that passed every other check, status included, so a revoked or out-of-scope credential's proofs take no memory.
    /// The default implementation reports every refusal as <see cref="ProofRecordOutcome.Replayed"/>.
    /// </summary>
    ProofRecordOutcome Record(string keyThumbprint, string proofId, DateTimeOffset forgetAfter) =>
        TryRecord(keyThumbprint, proofId, forgetAfter) ? ProofRecordOutcome.Recorded : ProofRecordOutcome.Replayed;
}
