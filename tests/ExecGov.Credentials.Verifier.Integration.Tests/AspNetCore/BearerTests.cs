using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Integration.Tests.AspNetCore;

public sealed class BearerTests : IDisposable
{
    private readonly TestAuthority _authority = new();

    [Fact]
    public async Task A_named_low_risk_audience_accepts_a_bearer_credential_without_proof()
    {
        await using var api = await PaymentsApi.StartAsync(_authority, o => o.BearerAudiences.Add(TestAuthority.Audience));

        using var response = await api.Client.SendAsync(Bearer(new Uri(api.BaseAddress, "v1/invoices/2026-118"), _authority.Credential()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, api.Handler.Count);
        Assert.Single(api.Logs.WithEvent(3010)); // the start-up warning that bearer is on
    }

    [Fact]
    public async Task A_bearer_credential_is_still_checked_for_scope_and_revocation()
    {
        await using var api = await PaymentsApi.StartAsync(_authority, o => o.BearerAudiences.Add(TestAuthority.Audience));
        var revoked = _authority.Claims();
        _authority.Revoke(revoked);
        var narrow = _authority.Credential(c => c with { AuthorizationDetails = [c.AuthorizationDetails[0]] });

        using var revokedResponse = await api.Client.SendAsync(Bearer(new Uri(api.BaseAddress, "v1/invoices/2026-118"), _authority.Sign(revoked)));
        using var scopeResponse = await api.Client.SendAsync(Bearer(new Uri(api.BaseAddress, "v1/invoices/2026-118"), narrow));

        Assert.Equal(HttpStatusCode.Forbidden, revokedResponse.StatusCode);
        Assert.Equal("""Bearer error="invalid_token", error_description="revoked" """.TrimEnd(), Assert.Single(revokedResponse.Headers.WwwAuthenticate).ToString());
        Assert.Equal(HttpStatusCode.Forbidden, scopeResponse.StatusCode);
        Assert.Equal("""Bearer error="insufficient_scope", error_description="scope_denied" """.TrimEnd(), Assert.Single(scopeResponse.Headers.WwwAuthenticate).ToString());
        Assert.Equal("scope_denied", (await scopeResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(0, api.Handler.Count);
    }

    [Fact]
    public async Task Where_bearer_is_accepted_an_anonymous_request_is_offered_both_schemes()
    {
        await using var api = await PaymentsApi.StartAsync(_authority, o => o.BearerAudiences.Add(TestAuthority.Audience));

        using var response = await api.Client.GetAsync(new Uri(api.BaseAddress, "v1/invoices/2026-118"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["""DPoP algs="EdDSA" """.TrimEnd(), "Bearer"], response.Headers.WwwAuthenticate.Select(h => h.ToString()));
    }

    [Fact]
    public async Task Start_up_refuses_bearer_for_an_audience_that_is_not_this_service()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PaymentsApi.StartAsync(_authority, o => o.BearerAudiences.Add("ledger-api")));

        Assert.Contains("BearerAudiences lists 'ledger-api'", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Bearer(Uri target, string credential)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {credential}");
        return request;
    }

    public void Dispose() => _authority.Dispose();
}
