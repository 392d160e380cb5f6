using ExecGov.Credentials.Diagnostics;

namespace ExecGov.Credentials.Shared.Tests.Diagnostics;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("agent-1\r\n2026-12-02 INFO forged line", @"agent-1\u000d\u000a2026-12-02 INFO forged line")]
    [InlineData("a\0b", @"a\u0000b")]
    [InlineData("\u001b[2Jcleared", @"\u001b[2Jcleared")]
    [InlineData(@"already\u000a", @"already\\u000a")]
    [InlineData("\u0085next", @"\u0085next")]
    public void Control_characters_and_backslashes_are_escaped(string raw, string expected) => Assert.Equal(expected, LogText.Escape(raw));

    [Theory]
    [InlineData("plain text: ok")]
    [InlineData("ünïcødé €")]
    public void Text_without_control_characters_is_returned_as_is(string raw) => Assert.Same(raw, LogText.Escape(raw));

    [Fact]
    public void Null_stays_null() => Assert.Null(LogText.Escape(null));
}
