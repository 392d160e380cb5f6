using ExecGov.Credentials.Agent.Proofs;
using System.Diagnostics;
using System.Globalization;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Proofs;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Benchmarks;

/// <summary>
/// What the replay memory costs when it is full of live proofs, as a verifier under load keeps it: bytes retained per
/// remembered proof, and the garbage collector's pauses while it fills. Neither is a per-call time, so BenchmarkDotNet
/// (which measures calls) does not report them; the fill happens once, in this process, after a full collection.
/// </summary>
internal static class ReplayMemory
{
    public static void Run(int proofs)
    {
        var cache = new MemoryProofReplayCache(Options.Create(new CredentialVerifierOptions { MaxRememberedProofs = proofs, MaxRememberedProofsPerHolder = proofs }), TimeProvider.System);

        // Proof ids as agents make them (ProofWriter: a GUID in "N" form), all of one agent key, all still live.
        const string thumbprint = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
        var forgetAfter = DateTimeOffset.UtcNow.AddHours(1);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < proofs; i++)
        {
            if (!cache.TryRecord(thumbprint, Guid.NewGuid().ToString("N"), forgetAfter))
            {
                throw new InvalidOperationException("A fresh proof id was refused.");
            }
        }

        var elapsed = clock.Elapsed;
        var pauses = GC.GetTotalPauseDuration() - pauseBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(cache);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{proofs:N0} proofs remembered: {(double)retained / proofs:F0} bytes retained per proof, " +
            $"GC pauses {pauses.TotalMilliseconds:F0} ms while filling, {elapsed.TotalMilliseconds * 1000 / proofs:F2} µs per proof (making its id included)"));
    }
}
