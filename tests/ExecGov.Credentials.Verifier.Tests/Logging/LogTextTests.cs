using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.Proofs;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecGov.Credentials.Verifier.Tests.Logging;

/// <summary>
/// Each decision is logged once, by the <see cref="DecisionRecorder"/> every host calls, and request-controlled text
/// goes through LogText there: a forged line cannot get through.
/// </summary>
public sealed class LogTextTests
{
    [Fact]
    public async Task Decision_log_line_escapes_an_action_with_line_breaks_and_escape_sequences()
    {
        using var issuer = new TestIssuer();
        var logger = new CapturingLogger<DecisionRecorder>();
        var verifier = new CredentialVerifier(Microsoft.Extensions.Options.Options.Create(issuer.Options), issuer.KeySource, issuer.Status, new MemoryProofReplayCache(Microsoft.Extensions.Options.Options.Create(issuer.Options), issuer.Time), issuer.Time, NullLogger<CredentialVerifier>.Instance);
        var recorder = new DecisionRecorder([], logger);
        var credential = issuer.Credential();

        var decision = await verifier.VerifyAsync(new Presentation(credential, issuer.Proof(credential)), TestIssuer.Request(action: "payments.release\nDecision forged: allowed\u001b[2K"));
        recorder.Record(decision, "https://api.example");

        var line = Assert.Single(logger.Messages);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u001b', line);
        Assert.Contains(@"payments.release\u000ADecision forged: allowed\u001B[2K", line, StringComparison.Ordinal);
    }
}
