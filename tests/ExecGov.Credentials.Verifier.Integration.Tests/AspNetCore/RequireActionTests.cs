using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.Integration.Tests.AspNetCore;

public sealed class RequireActionTests : IAsyncLifetime, IDisposable
{
    private readonly TestAuthority _authority = new();
    private PaymentsApi _api = null!;

    private static ReleaseRequest Body(decimal amount = 120.50m, string currency = "EUR", string destination = TestAuthority.Iban) =>
        new ReleaseRequest(amount, currency, destination);

    public async Task InitializeAsync() => _api = await PaymentsApi.StartAsync(_authority);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _authority.Dispose();

    [Fact]
    public async Task An_allowed_call_runs_the_handler_with_the_agent_and_authoriser_and_its_body_intact()
    {
        var credential = _authority.Credential();

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(amount: 499.99m)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(499.99m, json.GetProperty("amount").GetDecimal());
        Assert.Equal(_authority.AgentId, json.GetProperty("agent").GetString());
        Assert.Equal(_authority.AuthoriserId, json.GetProperty("authoriser").GetString());
        Assert.Equal(1, _api.Handler.Count);
        var record = Assert.Single(_api.Records.Records);
        Assert.Equal(("allow", "allowed", json.GetProperty("decision_id").GetString()), (record.Outcome, record.Reason, record.DecisionId));
    }

    [Fact]
    public async Task A_call_without_a_proof_is_401_invalid_dpop_proof_and_the_handler_does_not_run()
    {
        var credential = _authority.Credential();

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(), withProof: false));

        await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP error="invalid_dpop_proof", error_description="proof_missing", algs="EdDSA" """, "proof_missing");
    }

    [Fact]
    public async Task A_replayed_proof_is_401_proof_replayed_and_the_handler_runs_only_once()
    {
        var credential = _authority.Credential();
        var target = _api.Release(_authority.Invoice);
        var proof = _authority.Proof(credential, HttpMethod.Post, target);

        using var first = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, target, credential, Body(), proof));
        using var second = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, target, credential, Body(), proof));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertDeniedAsync(second, HttpStatusCode.Unauthorized, """DPoP error="invalid_dpop_proof", error_description="proof_replayed", algs="EdDSA" """, "proof_replayed", handlerRuns: 1);
    }

    [Fact]
    public async Task A_proof_made_for_another_url_is_401_proof_invalid()
    {
        var credential = _authority.Credential();
        var proof = _authority.Proof(credential, HttpMethod.Post, new Uri(_api.BaseAddress, "v1/payments/other/release"));

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(), proof));

        await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP error="invalid_dpop_proof", error_description="proof_invalid", algs="EdDSA" """, "proof_invalid");
    }

    [Fact]
    public async Task A_credential_for_another_audience_is_401_invalid_token_audience_mismatch()
    {
        var credential = _authority.Credential(c => c with { Audience = ["ledger-api"] });

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body()));

        await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP error="invalid_token", error_description="audience_mismatch", algs="EdDSA" """, "audience_mismatch");
    }

    [Fact]
    public async Task An_expired_credential_is_401_invalid_token_expired()
    {
        var credential = _authority.Credential(c => c with { IssuedAt = c.IssuedAt - 3600, NotBefore = c.NotBefore - 3600, Expires = c.IssuedAt - 600 });

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body()));

        await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP error="invalid_token", error_description="expired", algs="EdDSA" """, "expired");
    }

    [Fact]
    public async Task An_action_outside_the_scope_is_403_insufficient_scope_scope_denied()
    {
        var credential = _authority.Credential(c => c with { AuthorizationDetails = [c.AuthorizationDetails[1]] });

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body()));

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="insufficient_scope", error_description="scope_denied", algs="EdDSA" """, "scope_denied");
    }

    [Fact]
    public async Task An_amount_over_the_limit_read_from_the_body_is_403_constraint_violated()
    {
        var credential = _authority.Credential();

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(amount: 500.01m)));

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="insufficient_scope", error_description="constraint_violated", algs="EdDSA" """, "constraint_violated");
    }

    [Fact]
    public async Task A_destination_outside_the_list_is_403_constraint_violated()
    {
        var credential = _authority.Credential();

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(destination: "GB33BUKB20201555555555")));

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="insufficient_scope", error_description="constraint_violated", algs="EdDSA" """, "constraint_violated");
    }

    [Fact]
    public async Task A_body_that_is_not_valid_json_leaves_the_amount_missing_so_the_constraint_fails()
    {
        var credential = _authority.Credential();
        using var request = _authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential);
        request.Content = new StringContent("{\"amount\": 1, ", System.Text.Encoding.UTF8, "application/json");

        using var response = await _api.Client.SendAsync(request);

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="insufficient_scope", error_description="constraint_violated", algs="EdDSA" """, "constraint_violated");
    }

    [Fact]
    public async Task A_repeated_query_parameter_is_missing_not_guessed()
    {
        var credential = _authority.Credential();
        var target = new Uri(_api.BaseAddress, "v1/refunds/preview?amount=1&amount=5000");

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Get, target, credential));

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="insufficient_scope", error_description="constraint_violated", algs="EdDSA" """, "constraint_violated");
    }

    [Fact]
    public async Task A_query_value_within_the_limit_is_allowed_and_the_query_is_not_part_of_the_proof()
    {
        var credential = _authority.Credential();
        var target = new Uri(_api.BaseAddress, "v1/refunds/preview?amount=80");

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Get, target, credential));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _api.Handler.Count);
    }

    [Fact]
    public async Task A_revoked_credential_is_403_invalid_token_revoked()
    {
        var claims = _authority.Claims();
        _authority.Revoke(claims);

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), _authority.Sign(claims), Body()));

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="invalid_token", error_description="revoked", algs="EdDSA" """, "revoked");
    }

    [Fact]
    public async Task A_suspended_credential_is_403_invalid_token_suspended()
    {
        var claims = _authority.Claims();
        _authority.Status.Set(claims.Status!.StatusList, CredentialStatus.Suspended);

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), _authority.Sign(claims), Body()));

        await AssertDeniedAsync(response, HttpStatusCode.Forbidden, """DPoP error="invalid_token", error_description="suspended", algs="EdDSA" """, "suspended");
    }

    [Fact]
    public async Task An_unknown_status_list_is_503_status_unavailable()
    {
        var credential = _authority.Credential(c => c with { Status = new() { StatusList = new() { Index = 3, Uri = "https://issuer.execgov.test/status-lists/unknown" } } });

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body()));

        await AssertDeniedAsync(response, HttpStatusCode.ServiceUnavailable, """DPoP error="temporarily_unavailable", error_description="status_unavailable", algs="EdDSA" """, "status_unavailable");
    }

    [Fact]
    public async Task A_credential_signed_by_another_key_is_401_and_its_claims_are_not_trusted_in_the_record()
    {
        using var forger = Ed25519SigningKey.Generate();
        var forged = CredentialWriter.Sign(_authority.Claims(), forger);

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), forged, Body()));

        await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP error="invalid_token", error_description="unknown_key", algs="EdDSA" """, "unknown_key");
        var record = Assert.Single(_api.Records.Records);
        Assert.Null(record.Agent);
        Assert.Null(record.CredentialId);
    }

    [Fact]
    public async Task A_request_without_any_credential_is_401_with_a_bare_DPoP_challenge()
    {
        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential: null, Body()));

        var problem = await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP algs="EdDSA" """, "malformed");
        Assert.Equal("An ExecGov credential is required", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_bearer_credential_is_not_accepted_where_bearer_is_not_configured()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _api.Release(_authority.Invoice)) { Content = JsonContent.Create(Body()) };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {_authority.Credential()}");

        using var response = await _api.Client.SendAsync(request);

        await AssertDeniedAsync(response, HttpStatusCode.Unauthorized, """DPoP algs="EdDSA" """, "malformed");
    }

    [Fact]
    public async Task A_values_reader_that_throws_is_500_verifier_error_and_the_handler_does_not_run()
    {
        var target = new Uri(_api.BaseAddress, "v1/broken");
        var credential = _authority.Credential();

        using var response = await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, target, credential));

        await AssertDeniedAsync(response, HttpStatusCode.InternalServerError, """DPoP error="server_error", error_description="verifier_error", algs="EdDSA" """, "verifier_error");
        Assert.Single(_api.Logs.WithEvent(3021));
    }

    [Fact]
    public async Task A_resource_route_value_outside_the_credential_is_403_scope_denied()
    {
        var credential = _authority.Credential(c => c with { AuthorizationDetails = [c.AuthorizationDetails[1] with { Resources = ["invoice:2026-1*"] }] });

        using var allowed = await _api.Client.SendAsync(_authority.Request(HttpMethod.Get, new Uri(_api.BaseAddress, "v1/invoices/2026-118"), credential));
        using var denied = await _api.Client.SendAsync(_authority.Request(HttpMethod.Get, new Uri(_api.BaseAddress, "v1/invoices/2026-218"), credential));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertDeniedAsync(denied, HttpStatusCode.Forbidden, """DPoP error="insufficient_scope", error_description="scope_denied", algs="EdDSA" """, "scope_denied", handlerRuns: 1);
    }

    [Fact]
    public async Task An_endpoint_without_a_declared_action_is_untouched()
    {
        using var response = await _api.Client.GetAsync(new Uri(_api.BaseAddress, "v1/open"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_api.Records.Records);
    }

    [Fact]
    public async Task Every_decision_is_a_structured_log_event_and_no_credential_or_proof_is_ever_logged()
    {
        var credential = _authority.Credential();
        var proof = _authority.Proof(credential, HttpMethod.Post, _api.Release(_authority.Invoice));
        using (await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(), proof)))
        using (await _api.Client.SendAsync(_authority.Request(HttpMethod.Post, _api.Release(_authority.Invoice), credential, Body(amount: 9000m))))
        {
        }

        var allowed = Assert.Single(_api.Logs.WithEvent(3001));
        var denied = Assert.Single(_api.Logs.WithEvent(3002));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, allowed.Level);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, denied.Level);
        var records = _api.Records.Records.ToArray();
        foreach (var (entry, record) in new[] { (allowed, records[0]), (denied, records[1]) })
        {
            Assert.Equal(record.DecisionId, entry.State["DecisionId"]);
            Assert.Equal(_authority.AgentId, entry.State["Agent"]);
            Assert.Equal(_authority.AuthoriserId, entry.State["Authoriser"]);
            Assert.Equal(record.CredentialId, entry.State["CredentialId"]);
            Assert.Equal(record.SessionId, entry.State["SessionId"]);
            Assert.Equal("payments.release", entry.State["Action"]);
            Assert.Equal($"invoice:{_authority.Invoice}", entry.State["Resource"]);
            Assert.Equal(TestAuthority.Audience, entry.State["Audience"]);
        }

        Assert.Equal("constraint_violated", denied.State["Reason"]);
        Assert.DoesNotContain(_api.Logs.Entries, e => e.Message.Contains(credential, StringComparison.Ordinal) || e.Message.Contains(proof, StringComparison.Ordinal));
    }

    private async Task<JsonElement> AssertDeniedAsync(HttpResponseMessage response, HttpStatusCode status, string challenge, string reason, int handlerRuns = 0)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(challenge.TrimEnd(), Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.Equal($"urn:execgov:reason:{reason}", problem.GetProperty("type").GetString());
        var record = _api.Records.Records.Last();
        Assert.Equal(("deny", reason), (record.Outcome, record.Reason));
        Assert.Equal(record.DecisionId, problem.GetProperty("decision_id").GetString());
        Assert.Equal(handlerRuns, _api.Handler.Count);
        return problem;
    }
}
