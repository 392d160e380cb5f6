using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Tests.Hosting;

public sealed class StatusListEndpointTests : IAsyncLifetime
{
    private RevocationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await RevocationTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Get_list_answers_the_signed_token_with_etag_and_cache_control()
    {
        using var response = await _host.Client.GetAsync("/status-lists/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/statuslist+jwt", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("\"0\"", response.Headers.ETag!.Tag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.CacheControl!.MaxAge);
        var token = DecodedToken.Verify(await response.Content.ReadAsStringAsync(), _host.Keys.Find);
        Assert.Equal("http://127.0.0.1/status-lists/1", token.Claims.Subject);
        Assert.Equal(0, token.Claims.Version);
        Assert.Equal(1_024, token.List.Capacity);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_answers_304_until_the_list_changes()
    {
        var registration = _host.Data.Next();
        var reference = await _host.Allocator.AllocateAsync(registration, CancellationToken.None);

        using var notModified = await GetAsync("/status-lists/1", "\"0\"");
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("\"0\"", notModified.Headers.ETag!.Tag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await _host.Registry.ApplyAsync(new RevocationRequest { Scope = RevocationScope.Credential, Target = registration.CredentialId, Action = RevocationAction.Revoke, Responder = "r", Reason = "test" }, CancellationToken.None);
        using var changed = await GetAsync("/status-lists/1", "\"0\"");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"1\"", changed.Headers.ETag!.Tag);
        var token = DecodedToken.Verify(await changed.Content.ReadAsStringAsync(), _host.Keys.Find);
        Assert.Equal(StatusValue.Invalid, token.List.Get(reference.Index));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"0\"")]
    [InlineData("\"7\", \"0\"")]
    public async Task If_none_match_compares_weakly_and_accepts_lists_and_star(string ifNoneMatch)
    {
        using var response = await GetAsync("/status-lists/1", ifNoneMatch);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("/status-lists/2")]
    [InlineData("/status-lists/01")]
    [InlineData("/status-lists/0")]
    [InlineData("/status-lists/abc")]
    [InlineData("/status-lists/99999999999")]
    public async Task Unknown_list_answers_404_problem(string path)
    {
        using var response = await _host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("status_list_not_found", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await _host.Client.SendAsync(request);
    }
}
