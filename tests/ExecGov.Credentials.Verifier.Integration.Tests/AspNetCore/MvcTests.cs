using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

namespace ExecGov.Credentials.Verifier.Integration.Tests.AspNetCore;

public sealed class MvcTests : IDisposable
{
    private readonly TestAuthority _authority = new();

    [Fact]
    public async Task An_MVC_action_with_RequireAction_runs_when_allowed_and_reads_its_body_afterwards()
    {
        await using var api = await PaymentsApi.StartAsync(_authority);
        var target = new Uri(api.BaseAddress, $"mvc/payments/{_authority.Invoice}/release");

        using var response = await api.Client.SendAsync(_authority.Request(HttpMethod.Post, target, _authority.Credential(), new ReleaseRequest(42m, "EUR", TestAuthority.Iban)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(42m, json.GetProperty("amount").GetDecimal());
        Assert.Equal(_authority.AgentId, json.GetProperty("agent").GetString());
        Assert.Equal(1, api.Handler.Count);
    }

    [Fact]
    public async Task An_MVC_action_over_the_limit_is_403_and_never_runs()
    {
        await using var api = await PaymentsApi.StartAsync(_authority);
        var target = new Uri(api.BaseAddress, $"mvc/payments/{_authority.Invoice}/release");

        using var response = await api.Client.SendAsync(_authority.Request(HttpMethod.Post, target, _authority.Credential(), new ReleaseRequest(501m, "EUR", TestAuthority.Iban)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""DPoP error="insufficient_scope", error_description="constraint_violated", algs="EdDSA" """.TrimEnd(), Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal(0, api.Handler.Count);
    }
    public void Dispose() => _authority.Dispose();
}
