using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Signing.Crypto;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Proofs;

namespace ExecGov.Credentials.LoadTest;

/// <summary>
/// Pre-built <c>/v1/verify</c> bodies: the credentials in turn, each with a FRESH proof (unique <c>jti</c>), so no
/// request is a replay and the generator spends no time signing or serializing while it measures.
/// </summary>
internal static class RequestBodies
{
    public static byte[][] Create(Ed25519SigningKey agentKey, IReadOnlyList<string> credentials, Uri target, int count)
    {
        var bodies = new byte[count][];
        var now = DateTimeOffset.UtcNow;

        // Proofs are what a real agent signs per request; signing them is not part of what is measured.
        Parallel.For(0, count, i =>
        {
            var credential = credentials[i % credentials.Count];
            var proof = ProofWriter.Create(agentKey, agentKey.PublicKeyBytes.Span, "POST", target, credential, now);
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(new VerifyBody
            {
                Credential = credential,
                Proof = proof,
                Method = "POST",
                Url = target.ToString(),
                Action = "payments.release",
                Resource = "invoice:2026-118",
                Context = new Dictionary<string, string> { ["amount"] = "120.50", ["currency"] = "EUR" },
            }, LoadJsonContext.Default.VerifyBody);
        });
        return bodies;
    }
}
