using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Status;
using LiteDB;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// Durability against the Issuer.Server process itself: a burst of concurrent revocations (or issuances) over
/// HTTP, SIGKILL in the middle of it, and every acknowledged act is in the one database with everything its
/// transaction wrote: a revocation with its status change, act and audit record (and in the signed list the
/// restarted issuer publishes); a credential with its status index and audit record, no index shared.
/// </summary>
public sealed class RevocationCrashTests
{
    private const int Credentials = 160;
    private const int InFlight = 24;
    private const int KillAfterAcknowledged = 40;

    private readonly TestAgents _agents = new(seed: 6006);

    [Fact]
    public async Task Every_revocation_acknowledged_before_a_SIGKILL_mid_burst_is_in_the_store_the_published_list_and_the_audit_trail()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            var acknowledged = new ConcurrentDictionary<string, long>();
            Dictionary<string, int> indices;
            var refused = 0;
            await using (var issuer = await IssuerProcess.StartAsync(folder))
            {
                var admin = await issuer.SignInAsBootstrapAsync(folder);
                indices = await IssueAsync(issuer.Http, admin);
                var responder = await CreateResponderAsync(issuer.Http, admin);

                using var gate = new SemaphoreSlim(InFlight);
                var killed = 0;
                await Task.WhenAll(indices.Keys.Select(async (id, i) =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/revocations")
                        {
                            Content = JsonContent.Create(new { scope = "credential", target = id, action = "revoke", reason = $"burst {i}" }),
                        };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", responder);
                        using var response = await issuer.Http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                            acknowledged[id] = body["act_id"]!.GetValue<long>();
                            if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0)
                            {
                                issuer.Kill();
                            }
                        }
                        else
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
                    {
                        // The process died under this request: it was never acknowledged.
                        Interlocked.Increment(ref refused);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
                Assert.Equal(1, killed);
            }

            Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Credentials - 1);
            Assert.True(refused > 0, "The kill must land in the middle of the burst.");

            // The store, read directly while no process holds it.
            using (var store = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, "execgov.db"), Connection = ConnectionType.Direct, ReadOnly = true }))
            {
                foreach (var (id, actId) in acknowledged)
                {
                    Assert.Equal(1, store.GetCollection("credentials").FindById(id)["Status"].AsInt32);
                    var act = store.GetCollection("acts").FindById(actId);
                    Assert.Equal(("credential", id, "revoke", "responder-crash"), (act["Scope"].AsString, act["Target"].AsString, act["Action"].AsString, act["Responder"].AsString));
                }
            }

            await using var restarted = await IssuerProcess.StartAsync(folder);
            var token = await restarted.SignInAsBootstrapAsync(folder);

            // The signed list the restarted issuer publishes, checked against its JWKS.
            var list = await FetchVerifiedListAsync(restarted.Http);
            foreach (var id in acknowledged.Keys)
            {
                Assert.Equal(StatusValue.Invalid, list.Get(indices[id]));
            }

            // The audit trail: each acknowledged act committed with its record, exactly once, nothing to redeliver.
            foreach (var (id, actId) in acknowledged)
            {
                var trace = await GetJsonAsync(restarted.Http, $"/v1/audit/trace/{id}", token);
                var act = Assert.Single(trace["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "revocation_recorded");
                Assert.Equal(actId, act!["details"]!["act_id"]!.GetValue<long>());
            }

            Assert.True((await GetJsonAsync(restarted.Http, "/v1/audit/verify", token))["intact"]!.GetValue<bool>());
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Every_issuance_acknowledged_before_a_SIGKILL_mid_burst_is_stored_with_its_audit_record_and_an_index_of_its_own()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            var acknowledged = new ConcurrentDictionary<string, (int Index, string Uri)>();
            var refused = 0;
            await using (var issuer = await IssuerProcess.StartAsync(folder))
            {
                var admin = await issuer.SignInAsBootstrapAsync(folder);
                var agent = _agents.Next();
                await SendAsync(issuer.Http, HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);

                using var gate = new SemaphoreSlim(InFlight);
                var killed = 0;
                await Task.WhenAll(Enumerable.Range(0, Credentials).Select(async _ =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/credentials")
                        {
                            Content = JsonContent.Create(new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }),
                        };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                        using var response = await issuer.Http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                            acknowledged[body["credential_id"]!.GetValue<string>()] = (body["status"]!["idx"]!.GetValue<int>(), body["status"]!["uri"]!.GetValue<string>());
                            if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0)
                            {
                                issuer.Kill();
                            }
                        }
                        else
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
                    {
                        // The process died under this request: it was never acknowledged.
                        Interlocked.Increment(ref refused);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
                Assert.Equal(1, killed);
            }

            Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Credentials - 1);
            Assert.True(refused > 0, "The kill must land in the middle of the burst.");

            // The database, read directly while no process holds it.
            var database = Path.Combine(folder, "execgov.db");
            using (var store = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct, ReadOnly = true }))
            {
                var credentials = store.GetCollection("credentials");
                var audit = store.GetCollection("audit");
                foreach (var (id, (index, uri)) in acknowledged)
                {
                    var stored = credentials.FindById(id);
                    Assert.NotNull(stored);
                    Assert.Equal((index, uri, 0), (stored["StatusIndex"].AsInt32, stored["StatusUri"].AsString, stored["Status"].AsInt32));
                    Assert.Single(audit.Find(Query.And(Query.EQ("CredentialId", id), Query.EQ("Kind", "credential_issued"))));
                }

                // Every stored credential, acknowledged or cut off after its commit, has an entry of its own and its
                // audit record: nothing half-written survived the kill.
                var all = credentials.FindAll().ToList();
                Assert.Equal(all.Count, all.Select(c => (c["ListId"].AsInt32, c["StatusIndex"].AsInt32)).Distinct().Count());
                Assert.Equal(all.Count, audit.Count(Query.EQ("Kind", "credential_issued")));
                Assert.Equal(all.Count, store.GetCollection("lists").FindAll().Sum(l => l["Allocated"].AsInt32));
            }

            Assert.True(Audit.AuditChainVerifier.Verify(database).IsIntact);

            await using var restarted = await IssuerProcess.StartAsync(folder);
            var token = await restarted.SignInAsBootstrapAsync(folder);
            Assert.True((await GetJsonAsync(restarted.Http, "/v1/audit/verify", token))["intact"]!.GetValue<bool>());
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    private async Task<Dictionary<string, int>> IssueAsync(HttpClient http, string admin)
    {
        var agent = _agents.Next();
        await SendAsync(http, HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
        var issued = new ConcurrentDictionary<string, int>();
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, Credentials).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var body = await SendAsync(http, HttpMethod.Post, "/v1/credentials", admin,
                    new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, HttpStatusCode.Created);
                issued[body["credential_id"]!.GetValue<string>()] = body["status"]!["idx"]!.GetValue<int>();
            }
            finally
            {
                gate.Release();
            }
        }));
        return new Dictionary<string, int>(issued);
    }

    private static async Task<string> CreateResponderAsync(HttpClient http, string admin)
    {
        var created = await SendAsync(http, HttpMethod.Post, "/v1/admin-clients", admin,
            new { client_id = "responder-crash", display_name = "Crash responder", person = "raj", roles = new[] { "responder" } }, HttpStatusCode.Created);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "responder-crash",
            ["client_secret"] = created["client_secret"]!.GetValue<string>(),
        });
        using var response = await http.PostAsync("/connect/token", form);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    /// <summary>Fetches list 1 and checks it as a verifier would: typ, alg, a key from the JWKS, the signature; then inflates it.</summary>
    private static async Task<StatusList> FetchVerifiedListAsync(HttpClient http)
    {
        var jwks = JsonNode.Parse(await http.GetStringAsync("/.well-known/jwks.json"))!["keys"]!.AsArray();
        var token = await http.GetStringAsync("/status-lists/1");
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        Assert.Equal("statuslist+jwt", header["typ"]!.GetValue<string>());
        Assert.Equal("EdDSA", header["alg"]!.GetValue<string>());
        var jwk = jwks.Single(k => k!["kid"]!.GetValue<string>() == header["kid"]!.GetValue<string>())!;
        var key = new Ed25519SecurityKey(Base64Url.DecodeFromChars(jwk["x"]!.GetValue<string>()), jwk["kid"]!.GetValue<string>());
        Assert.True(key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2])), "status list signature");
        var claims = System.Text.Json.JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), StatusListJsonContext.Default.StatusListTokenClaims)!;
        Assert.Equal(IssuerHost.IssuerId + "/status-lists/1", claims.Subject);
        Assert.True(StatusList.TryDecode(claims.StatusList.List, claims.StatusList.Bits, 8 * 1024 * 1024, out var list));
        return list!;
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string path, string token) =>
        await SendAsync(http, HttpMethod.Get, path, token, null, HttpStatusCode.OK);

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
