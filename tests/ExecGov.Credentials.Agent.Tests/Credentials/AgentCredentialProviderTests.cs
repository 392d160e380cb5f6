using ExecGov.Credentials.Agent.Credentials;

namespace ExecGov.Credentials.Agent.Tests.Credentials;

public sealed class AgentCredentialProviderTests
{
    [Fact]
    public async Task First_request_sends_a_signed_assertion_and_returns_the_issued_credential()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();

        var result = await provider.GetCredentialAsync();

        Assert.True(result.IsSuccess, result.Detail);
        Assert.Empty(harness.Issuer.AssertionFailures);
        var issued = Assert.Single(harness.Issuer.Issued);
        Assert.Equal(issued.CredentialId, result.Credential.CredentialId);
        Assert.Equal(harness.Time.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds(), result.Credential.ExpiresAt.ToUnixTimeSeconds());
        Assert.Equal("admin-7", result.Credential.Authoriser?.Subject);

        var request = Assert.Single(harness.Recorder.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(new Uri(harness.Issuer.BaseAddress, "v1/agent/credentials"), request.Uri);
        Assert.Equal("ExecGov-Assertion", request.Scheme);
        var header = Jose.Header(request.Parameter!);
        Assert.Equal("execgov-assertion+jwt", header.GetProperty("typ").GetString());
        Assert.Equal("EdDSA", header.GetProperty("alg").GetString());
        Assert.Equal(harness.Key.Thumbprint, header.GetProperty("kid").GetString());
        var claims = Jose.Payload(request.Parameter!);
        Assert.Equal(harness.Agent.AgentId, claims.GetProperty("iss").GetString());
        Assert.Equal(harness.Agent.AgentId, claims.GetProperty("sub").GetString());
        Assert.Equal(harness.Issuer.Issuer, claims.GetProperty("aud").GetString());
        Assert.InRange(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), 1, 60);

        var body = Assert.Single(harness.Issuer.RequestBodies);
        Assert.Equal("""["payments-api"]""", body["audience"]!.ToJsonString());
        Assert.Equal("payments.release", body["authorization_details"]![0]!["actions"]![0]!.GetValue<string>());
        Assert.Equal(500m, body["authorization_details"]![0]!["constraints"]!["max_amount"]!.GetValue<decimal>());
        Assert.False(body.ContainsKey("lifetime_seconds"));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request_to_the_issuer()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        harness.Issuer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 16).Select(_ => provider.GetCredentialAsync().AsTask()).ToArray();
        harness.Issuer.Gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, harness.Issuer.CredentialRequests);
        Assert.Single(results.Select(r => r.Credential!.CredentialId).Distinct());
    }

    [Fact]
    public async Task Cached_credential_is_reused_until_the_renewal_margin()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        var first = await provider.GetCredentialAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(13));
        var second = await provider.GetCredentialAsync();

        Assert.Same(first.Credential, second.Credential);
        Assert.Equal(1, harness.Issuer.CredentialRequests);
        Assert.Null(provider.PendingRenewal);
    }

    [Fact]
    public async Task Within_the_margin_the_valid_credential_is_served_while_a_renewal_runs_in_the_background()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        var first = await provider.GetCredentialAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(30));
        var during = await provider.GetCredentialAsync();
        var renewal = provider.PendingRenewal;
        Assert.NotNull(renewal);
        Assert.Equal(first.Credential!.CredentialId, during.Credential!.CredentialId);
        await renewal;
        var after = await provider.GetCredentialAsync();

        Assert.NotEqual(first.Credential.CredentialId, after.Credential!.CredentialId);
        Assert.Equal(2, harness.Issuer.CredentialRequests);
    }

    [Fact]
    public async Task After_expiry_the_caller_waits_for_a_new_credential()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        var first = await provider.GetCredentialAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(16));
        var second = await provider.GetCredentialAsync();

        Assert.True(second.IsSuccess);
        Assert.NotEqual(first.Credential!.CredentialId, second.Credential.CredentialId);
        Assert.True(second.Credential.ExpiresAt > harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_short_lived_credential_is_renewed_at_half_its_lifetime_not_on_every_call()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Options.Lifetime = TimeSpan.FromSeconds(60);
        harness.Options.RenewBefore = TimeSpan.FromMinutes(5);
        using var provider = harness.CreateProvider();
        await provider.GetCredentialAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await provider.GetCredentialAsync();
        Assert.Null(provider.PendingRenewal);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await provider.GetCredentialAsync();

        Assert.NotNull(provider.PendingRenewal);
        Assert.Equal(60, harness.Issuer.RequestBodies.First()["lifetime_seconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_pending_approval_is_polled_with_fresh_assertions_until_approved()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.PendingPolls = 2;
        using var provider = harness.CreateProvider();

        var result = await harness.DriveAsync(provider.GetCredentialAsync().AsTask(), TimeSpan.FromSeconds(1));

        Assert.True(result.IsSuccess, result.Detail);
        Assert.Equal(3, harness.Issuer.ApprovalPolls);
        Assert.Empty(harness.Issuer.AssertionFailures);
        var polls = harness.Recorder.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(3, polls.Count);
        Assert.All(polls, p => Assert.StartsWith(new Uri(harness.Issuer.BaseAddress, "v1/agent/approvals/apr-").ToString(), p.Uri.ToString(), StringComparison.Ordinal));
        Assert.Equal(4, harness.Recorder.Requests.Select(r => Jose.Payload(r.Parameter!).GetProperty("jti").GetString()).Distinct().Count());
    }

    [Theory]
    [InlineData("denied", AgentCredentialError.ApprovalDenied)]
    [InlineData("expired", AgentCredentialError.ApprovalExpired)]
    public async Task A_refused_approval_is_a_result_not_an_exception(string outcome, AgentCredentialError expected)
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.PendingPolls = 1;
        harness.Issuer.ApprovalOutcome = outcome;
        using var provider = harness.CreateProvider();

        var result = await harness.DriveAsync(provider.GetCredentialAsync().AsTask(), TimeSpan.FromSeconds(1));

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public async Task An_approval_nobody_decides_times_out()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.PendingPolls = int.MaxValue;
        harness.Options.ApprovalTimeout = TimeSpan.FromSeconds(10);
        using var provider = harness.CreateProvider();

        var result = await harness.DriveAsync(provider.GetCredentialAsync().AsTask(), TimeSpan.FromSeconds(1));

        Assert.Equal(AgentCredentialError.ApprovalTimedOut, result.Error);
        // The fake clock may move while a poll is in flight, so only the bounds are fixed: it polled, and never more
        // often than the interval allows within the timeout.
        Assert.InRange(harness.Issuer.ApprovalPolls, 1, 5);
    }

    [Fact]
    public async Task An_issuer_refusal_carries_its_problem_code()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.Refuse = (403, "scope_exceeds_ceiling");
        using var provider = harness.CreateProvider();

        var result = await provider.GetCredentialAsync();

        Assert.Equal(AgentCredentialError.IssuerRefused, result.Error);
        Assert.Equal("scope_exceeds_ceiling", result.IssuerCode);
    }

    [Fact]
    public async Task A_credential_bound_to_another_key_is_refused()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.BindTo = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
        using var provider = harness.CreateProvider();

        var result = await provider.GetCredentialAsync();

        Assert.Equal(AgentCredentialError.InvalidResponse, result.Error);
        Assert.Contains("cnf.jkt", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_issuer_is_not_asked_again_before_the_retry_delay()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.Refuse = (503, "unavailable");
        using var provider = harness.CreateProvider();

        var first = await provider.GetCredentialAsync();
        var second = await provider.GetCredentialAsync();
        harness.Time.Advance(harness.Options.RetryAfterFailure);
        harness.Issuer.Refuse = null;
        var third = await provider.GetCredentialAsync();

        Assert.Equal(AgentCredentialError.IssuerUnavailable, first.Error);
        Assert.Same(first, second);
        Assert.True(third.IsSuccess);
        Assert.Equal(2, harness.Issuer.CredentialRequests);
    }

    [Fact]
    public async Task An_unreachable_issuer_is_a_result()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Agent.IssuerUrl = new Uri("http://127.0.0.1:1/");
        using var provider = harness.CreateProvider();

        var result = await provider.GetCredentialAsync();

        Assert.Equal(AgentCredentialError.IssuerUnavailable, result.Error);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_call_ask_for_a_new_credential()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        var first = await provider.GetCredentialAsync();

        provider.Invalidate();
        var second = await provider.GetCredentialAsync();

        Assert.NotEqual(first.Credential!.CredentialId, second.Credential!.CredentialId);
    }

    [Fact]
    public async Task The_constructor_refuses_incomplete_options()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Options.Audience.Clear();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => harness.CreateProvider());

        Assert.Contains("Audience", error.Message, StringComparison.Ordinal);
    }
}
