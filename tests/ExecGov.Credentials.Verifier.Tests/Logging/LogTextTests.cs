using ExecGov.Credentials.Verifier.Proofs;

namespace ExecGov.Credentials.Verifier.Tests.Logging;

/// <summary>The verifier writes request-controlled text to its logs through LogText: a forged line cannot get through.</summary>
public sealed class LogTextTests
{
    [Fact]
    public async Task Decision_log_line_escapes_an_action_with_line_breaks_and_escape_sequences()
    {
        using var issuer = new TestIssuer();
        var logger = new CapturingLogger<CredentialVerifier>();
        var verifier = new CredentialVerifier(Microsoft.Extensions.Options.Options.Create(issuer.Options), issuer.KeySource, issuer.Status, new MemoryProofReplayCache(Microsoft.Extensions.Options.Options.Create(issuer.Options), issuer.Time), issuer.Time, logger);
        var credential = issuer.Credential();

        await verifier.VerifyAsync(new Presentation(credential, issuer.Proof(credential)), TestIssuer.Request(action: "payments.release\nDecision forged: allowed\u001b[2K"));

        var line = Assert.Single(logger.Messages);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u001b', line);
        Assert.Contains(@"payments.release\u000ADecision forged: allowed\u001B[2K", line, StringComparison.Ordinal);
    }
}
