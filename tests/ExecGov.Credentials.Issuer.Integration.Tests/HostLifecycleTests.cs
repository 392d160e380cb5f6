using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Status;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>Tests that need a host of their own: restarts, tampering, crashes, rotation, limits, status allocation.</summary>
public sealed class HostLifecycleTests
{
    private readonly TestAgents _agents = new(seed: 4004);

    [Fact]
    public async Task First_start_writes_the_bootstrap_secret_once_to_an_owner_only_file_and_a_restart_keeps_it()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            BootstrapSecret first;
            await using (var host = await IssuerHost.StartAsync(folder))
            {
                first = host.ReadBootstrapSecret();
                await host.SignInAsync(first.ClientId, first.ClientSecret);
            }

            foreach (var file in new[] { "bootstrap-admin.json", "bootstrap-approver.json", "issuer-keyset.json", "admin-token-signing.pem", "execgov.db" })
            {
                Assert.True(File.Exists(Path.Combine(folder, file)), file);
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, file)));
                }
            }

            await using (var again = await IssuerHost.StartAsync(folder))
            {
                Assert.Equal(first, again.ReadBootstrapSecret());
                var token = await again.SignInAsync(first.ClientId, first.ClientSecret);
                var clients = await again.SendJsonAsync(HttpMethod.Get, "/v1/admin-clients", token, null, HttpStatusCode.OK);
                Assert.Equal(2, clients.AsArray().Count);
                Assert.All(clients.AsArray(), c => Assert.Null(c!["client_secret"]));
            }
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Failed_and_successful_sign_ins_are_audited_without_the_secret()
    {
        await using var host = await IssuerHost.StartAsync();
        var secret = host.ReadBootstrapSecret();
        using (var refused = await host.RequestTokenAsync(secret.ClientId, "wrong-" + secret.ClientSecret))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("invalid_client", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        }

        var token = await host.SignInAsync(secret.ClientId, secret.ClientSecret);
        var records = await host.SendJsonAsync(HttpMethod.Get, "/v1/audit/records?limit=50", token, null, HttpStatusCode.OK);
        var kinds = records.AsArray().Select(r => r!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("sign_in_failed", kinds);
        Assert.Contains("sign_in_succeeded", kinds);
        Assert.DoesNotContain(secret.ClientSecret, records.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_client_with_a_registered_key_signs_in_with_private_key_jwt_once_per_assertion()
    {
        await using var host = await IssuerHost.StartAsync();
        var admin = await host.SignInAsBootstrapAsync();
        var key = Ed25519SigningKey.Generate();
        var created = await host.SendJsonAsync(HttpMethod.Post, "/v1/admin-clients", admin,
            new { client_id = "ci-pipeline", display_name = "CI pipeline", person = "ci-team", roles = new[] { "auditor" }, public_key = new { kty = "OKP", crv = "Ed25519", x = key.ToPublicJwk().X } },
            HttpStatusCode.Created);
        Assert.Equal("private_key_jwt", created["auth_method"]!.GetValue<string>());
        Assert.Null(created["client_secret"]);

        string Assertion(Ed25519SigningKey signer)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var payload = $$"""{"iss":"ci-pipeline","sub":"ci-pipeline","aud":"{{IssuerHost.IssuerId}}/","iat":{{now}},"exp":{{now + 60}},"jti":"{{Guid.NewGuid():N}}"}""";
            return CredentialWriter.SignPayload(payload, "client-authentication+jwt", signer);
        }

        async Task<HttpResponseMessage> RequestAsync(string assertion)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "ci-pipeline",
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["client_assertion"] = assertion,
            });
            return await host.Http.PostAsync("/connect/token", content);
        }

        var assertion = Assertion(key);
        using var ok = await RequestAsync(assertion);
        var body = await ok.Content.ReadAsStringAsync();
        Assert.True(ok.IsSuccessStatusCode, body);
        var token = JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
        await host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", token, null, HttpStatusCode.OK);

        using var replayed = await RequestAsync(assertion);
        Assert.Equal("invalid_client", JsonNode.Parse(await replayed.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());

        using var forged = await RequestAsync(Assertion(Ed25519SigningKey.Generate()));
        Assert.Equal("invalid_client", JsonNode.Parse(await forged.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Audit_chain_verifies_and_then_reports_the_first_record_altered_in_the_file()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            await using (var host = await IssuerHost.StartAsync(folder))
            {
                var admin = await host.SignInAsBootstrapAsync();
                var agent = _agents.Next();
                await host.SendJsonAsync(HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
                await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin,
                    new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, HttpStatusCode.Created);
                var report = await host.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", admin, null, HttpStatusCode.OK);
                Assert.True(report["intact"]!.GetValue<bool>());
            }

            var database = Path.Combine(folder, "execgov.db");
            Assert.True(AuditChainVerifier.Verify(database).IsIntact);

            // Someone with file access rewrites who issued the credential.
            long altered;
            using (var db = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct }))
            {
                var audit = db.GetCollection("audit");
                var record = audit.FindOne(Query.EQ("Kind", "credential_issued"));
                altered = record["_id"].AsInt64;
                record["Actor"] = "someone-else";
                audit.Update(record);
            }

            var offline = AuditChainVerifier.Verify(database);
            Assert.False(offline.IsIntact);
            Assert.Equal(altered, offline.FirstBrokenSequence);
            Assert.Equal("hash_mismatch", offline.Problem);

            await using (var restarted = await IssuerHost.StartAsync(folder))
            {
                var admin = await restarted.SignInAsBootstrapAsync();
                var report = await restarted.SendJsonAsync(HttpMethod.Get, "/v1/audit/verify", admin, null, HttpStatusCode.OK);
                Assert.False(report["intact"]!.GetValue<bool>());
                Assert.Equal(altered, report["first_broken_seq"]!.GetValue<long>());
                Assert.Equal("hash_mismatch", report["problem"]!.GetValue<string>());
            }
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Rotation_publishes_the_new_key_and_keeps_the_retired_one_until_its_credentials_expire()
    {
        await using var host = await IssuerHost.StartAsync();
        var admin = await host.SignInAsBootstrapAsync();
        var agent = _agents.Next();
        await host.SendJsonAsync(HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
        var body = new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() };
        var before = await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin, body, HttpStatusCode.Created);

        var keys = await host.SendJsonAsync(HttpMethod.Post, "/v1/keys/rotate", admin, null, HttpStatusCode.OK);
        Assert.Equal(["active", "retired"], keys.AsArray().Select(k => k!["status"]!.GetValue<string>()).Order().ToArray());
        Assert.All(keys.AsArray(), k => Assert.True(k!["published"]!.GetValue<bool>()));
        var after = await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin, body, HttpStatusCode.Created);

        var jwks = JsonNode.Parse(await host.Http.GetStringAsync("/.well-known/jwks.json"))!;
        Assert.Equal(2, jwks["keys"]!.AsArray().Count);
        Assert.All(jwks["keys"]!.AsArray(), k => Assert.Null(k!["d"]));
        await using var verifier = await StatusVerifier.StartAsync(host);
        Assert.True((await verifier.VerifyAsync(before["credential"]!.GetValue<string>(), agent)).IsAllowed);
        Assert.True((await verifier.VerifyAsync(after["credential"]!.GetValue<string>(), agent)).IsAllowed);

        var records = await host.SendJsonAsync(HttpMethod.Get, "/v1/audit/records?limit=10", admin, null, HttpStatusCode.OK);
        Assert.Contains(records.AsArray(), r => r!["kind"]!.GetValue<string>() == "key_rotated");
    }

    [Fact]
    public async Task Token_endpoint_is_rate_limited_with_a_problem_and_retry_after()
    {
        await using var host = await IssuerHost.StartAsync(extraArgs: ["--Issuer:TokenRequestsPerMinute=2"]);
        var secret = host.ReadBootstrapSecret();
        await host.SignInAsync(secret.ClientId, secret.ClientSecret);
        await host.SignInAsync(secret.ClientId, secret.ClientSecret);
        using var limited = await host.RequestTokenAsync(secret.ClientId, secret.ClientSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", (await Problems.ReadAsync(limited)).Code);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Metadata_and_openapi_document_are_public()
    {
        await using var host = await IssuerHost.StartAsync();
        var metadata = JsonNode.Parse(await host.Http.GetStringAsync("/.well-known/execgov-issuer"))!;
        Assert.Equal(IssuerHost.IssuerId, metadata["issuer"]!.GetValue<string>());
        Assert.Equal(host.BaseAddress + ".well-known/jwks.json", metadata["jwks_uri"]!.GetValue<string>());
        Assert.Equal(host.BaseAddress + "status-lists", metadata["status_list_base"]!.GetValue<string>());
        Assert.Equal(host.BaseAddress + "status-lists/events", metadata["status_events_uri"]!.GetValue<string>());
        Assert.Equal(host.BaseAddress + "connect/token", metadata["token_endpoint"]!.GetValue<string>());

        var openApi = JsonNode.Parse(await host.Http.GetStringAsync("/openapi/v1.json"))!;
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/v1/credentials", paths);
        Assert.Contains("/v1/agent/credentials", paths);
        Assert.Contains("/v1/decisions", paths);
    }

    [Fact]
    public async Task Issuance_that_answered_201_survives_a_hard_kill_of_the_process()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            string credentialId;
            await using (var process = await IssuerProcess.StartAsync(folder))
            {
                var http = process.Http;
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await process.SignInAsBootstrapAsync(folder));
                var agent = _agents.Next();
                using var registered = await http.PostAsync("/v1/agents", System.Net.Http.Json.JsonContent.Create(agent.Registration()));
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
                using var issued = await http.PostAsync("/v1/credentials", System.Net.Http.Json.JsonContent.Create(
                    new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }));
                Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
                credentialId = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["credential_id"]!.GetValue<string>();

                // SIGKILL right after the 201: no graceful shutdown, no LiteDB dispose.
                process.Kill();
            }

            using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, "execgov.db"), Connection = ConnectionType.Direct });
            Assert.Equal(credentialId, db.GetCollection("credentials").FindById(credentialId)?["_id"].AsString);
            Assert.NotNull(db.GetCollection("audit").FindOne(Query.And(Query.EQ("CredentialId", credentialId), Query.EQ("Kind", "credential_issued"))));
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }
}
