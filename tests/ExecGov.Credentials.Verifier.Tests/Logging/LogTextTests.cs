using ExecGov.Credentials.Verifier.Logging;
using ExecGov.Credentials.Verifier.Proofs;

namespace ExecGov.Credentials.Verifier.Tests.Logging;

/// <summary>Request-controlled text is escaped on its way to a log line: no CR, LF, NUL or ANSI escape gets through.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("payments.release\r\n2026-11-22 INFO Decision 1: allowed", @"payments.release\u000D\u000A2026-11-22 INFO Decision 1: allowed")]
    [InlineData("invoice:1\u0000", @"invoice:1\u0000")]
    [InlineData("\u001b[31mred\u001b[0m", @"\u001B[31mred\u001B[0m")]
    [InlineData("a\u0085b\u2028c", @"a\u0085b\u2028c")]
    [InlineData(@"already\u000A", @"already\\u000A")]
    public void Control_characters_are_written_as_escapes(string value, string logged)
    {
        Assert.Equal(logged, LogText.Escape(value));
    }

    [Fact]
    public void Clean_text_is_returned_as_is_and_long_text_is_cut()
    {
        const string clean = "invoice:2026-118 ü";
        Assert.Same(clean, LogText.Escape(clean));
        var cut = LogText.Escape(new string('x', 10_000));
        Assert.Equal(LogText.MaxLength + 1, cut.Length);
        Assert.EndsWith("\u2026", cut, StringComparison.Ordinal);
    }

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
