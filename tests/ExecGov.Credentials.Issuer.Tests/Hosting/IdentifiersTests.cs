using ExecGov.Credentials.Issuer.Hosting;

namespace ExecGov.Credentials.Issuer.Tests.Hosting;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("s1")]
    [InlineData("sess_0192f3")]
    [InlineData("urn:agent:1.2-3")]
    public void Plain_ids_are_valid(string id) => Assert.True(Identifiers.IsValid(id));

    [Theory]
    [InlineData("s1\n")]
    [InlineData("s1\r\n")]
    [InlineData("s1\0")]
    [InlineData("s1 ")]
    [InlineData("\ns1")]
    [InlineData("s\u001b[31m1")]
    [InlineData("")]
    public void Ids_with_control_characters_or_white_space_anywhere_are_refused(string id) => Assert.False(Identifiers.IsValid(id));
}
