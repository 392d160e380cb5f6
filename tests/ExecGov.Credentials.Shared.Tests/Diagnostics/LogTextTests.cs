using ExecGov.Credentials.Diagnostics;

namespace ExecGov.Credentials.Shared.Tests.Diagnostics;

/// <summary>Request-controlled text is escaped on its way to a log line: no CR, LF, NUL or ANSI escape gets through.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("agent-1\r\n2026-12-02 INFO forged line", @"agent-1\u000D\u000A2026-12-02 INFO forged line")]
    [InlineData("a\0b", @"a\u0000b")]
    [InlineData("\u001b[2Jcleared", @"\u001B[2Jcleared")]
    [InlineData(@"already\u000a", @"already\\u000a")]
    [InlineData("\u0085next\u2028line", @"\u0085next\u2028line")]
    [InlineData("del\u007f", @"del\u007F")]
    public void Control_characters_separators_and_backslashes_are_escaped(string raw, string expected) => Assert.Equal(expected, LogText.Escape(raw));

    [Theory]
    [InlineData("plain text: ok")]
    [InlineData("ünïcødé €")]
    public void Text_without_control_characters_is_returned_as_is(string raw) => Assert.Same(raw, LogText.Escape(raw));

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis()
    {
        var cut = LogText.Escape(new string('x', 10_000));
        Assert.Equal(LogText.MaxLength + 1, cut.Length);
        Assert.EndsWith("\u2026", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_stays_null() => Assert.Null(LogText.Escape(null));
}
