using System.Text.Json;
using ExecGov.Credentials.Issuer.Hosting;

namespace ExecGov.Credentials.Issuer.Tests.Hosting;

public sealed class IssuerJsonContextTests
{
    [Fact]
    public void Time_window_reads_in_the_credential_format()
    {
        const string json = """{"audience":["payments-api"],"authorization_details":[{"actions":["reports.run"],"constraints":{"time_window":{"start":"09:00","end":"17:30"}}}]}""";
        var request = JsonSerializer.Deserialize(json, IssuerJsonContext.Default.AgentCredentialRequest)!;
        Assert.Equal(new TimeOnly(17, 30), request.AuthorizationDetails[0].Constraints!.TimeWindow!.End);
    }

    [Theory]
    [InlineData("""{"audience":["a"],"authorization_details":[{"actions":["a.b"]}],"extra":1}""")]
    [InlineData("""{"audience":["a"],"authorization_details":[{"actions":["a.b"],"constraints":{"max_amount":1,"limit":2}}]}""")]
    [InlineData("""{"audience":["a"],"audience":["b"],"authorization_details":[{"actions":["a.b"]}]}""")]
    [InlineData("""{"authorization_details":[{"actions":["a.b"]}]}""")]
    public void Unknown_duplicate_or_missing_members_are_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, IssuerJsonContext.Default.AgentCredentialRequest));
}
