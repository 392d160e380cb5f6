namespace ExecGov.Credentials.Verifier.Proofs;

/// <summary>
/// Remembers proof ids for as long as the proofs could be accepted, so each proof is used once
/// (RFC 9449 §11.1). Replace with a shared store when several verifier instances serve one audience.
/// </summary>
public interface IProofReplayCache
{
    /// <summary>
    /// Records <paramref name="proofId"/> until <paramref name="forgetAfter"/>; false when it was already
    /// recorded, or when the cache is full (fail closed).
    /// </summary>
    bool TryRecord(string proofId, DateTimeOffset forgetAfter);
}
