using System.Net;
using System.Text;
using ExecGov.Credentials.Http.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Http.Tests.Tokens;

public sealed class ClientCredentialsTokenClientTests
{
    private static readonly Uri TokenEndpoint = new("http://127.0.0.1:5080/connect/token");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_token_is_cached_until_shortly_before_it_expires()
    {
        var endpoint = new Endpoint(_ => Answer(HttpStatusCode.OK, """{"access_token":"t1","token_type":"Bearer","expires_in":600}"""));
        var tokens = Client(endpoint);

        var first = await tokens.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(569));
        var cached = await tokens.GetAsync(CancellationToken.None);
        Assert.Equal(1, endpoint.Calls);

        _time.Advance(TimeSpan.FromSeconds(2));
        await tokens.GetAsync(CancellationToken.None);

        Assert.Equal("t1", first.AccessToken);
        Assert.Same(first, cached);
        Assert.Equal(2, endpoint.Calls);
    }

    [Fact]
    public async Task The_form_carries_the_grant_and_the_credentials()
    {
        var endpoint = new Endpoint(_ => Answer(HttpStatusCode.OK, """{"access_token":"t1","expires_in":60}"""));

        await Client(endpoint, ClientCredentialsTokenClient.SecretForm("verifier-1", "s3cret", "audit")).GetAsync(CancellationToken.None);

        Assert.Equal("grant_type=client_credentials&client_id=verifier-1&client_secret=s3cret&scope=audit", endpoint.LastBody);
    }

    [Fact]
    public async Task A_refusal_is_reported_with_its_error_code_and_not_cached()
    {
        var endpoint = new Endpoint(_ => Answer(HttpStatusCode.BadRequest, """{"error":"invalid_client","error_description":"The client s3cret is unknown"}"""));
        var tokens = Client(endpoint);

        var result = await tokens.GetAsync(CancellationToken.None);
        await tokens.GetAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Refused);
        Assert.Equal(400, result.Status);
        Assert.Equal("invalid_client", result.Error);
        Assert.DoesNotContain("s3cret", result.Cause, StringComparison.Ordinal);
        Assert.Equal(2, endpoint.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "")]
    [InlineData(HttpStatusCode.InternalServerError, "{\"type\":\"urn:execgov:error:internal_error\"}")]
    [InlineData(HttpStatusCode.OK, "{\"token_type\":\"Bearer\"}")]
    [InlineData(HttpStatusCode.OK, "not json")]
    public async Task A_server_failure_or_an_answer_without_a_token_is_unavailability(HttpStatusCode status, string body)
    {
        var result = await Client(new Endpoint(_ => Answer(status, body))).GetAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Refused);
        Assert.Equal((int)status, result.Status);
        Assert.NotNull(result.Cause);
    }

    [Fact]
    public async Task No_answer_is_unavailability_with_the_exception()
    {
        var result = await Client(new Endpoint(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"))).GetAsync(CancellationToken.None);

        Assert.False(result.Refused);
        Assert.Equal(0, result.Status);
        Assert.IsType<HttpRequestException>(result.Exception);
    }

    [Fact]
    public async Task Invalidate_forgets_the_cached_token()
    {
        var endpoint = new Endpoint(_ => Answer(HttpStatusCode.OK, """{"access_token":"t1","expires_in":600}"""));
        var tokens = Client(endpoint);
        await tokens.GetAsync(CancellationToken.None);

        tokens.Invalidate();
        await tokens.GetAsync(CancellationToken.None);

        Assert.Equal(2, endpoint.Calls);
    }

    private ClientCredentialsTokenClient Client(Endpoint endpoint, IEnumerable<KeyValuePair<string, string>>? form = null) =>
        new(new HttpClient(endpoint), TokenEndpoint, form ?? ClientCredentialsTokenClient.SecretForm("c", "s"), _time);

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Endpoint(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return answer(request);
        }
    }
}
