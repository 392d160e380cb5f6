using ExecGov.Credentials.Signing.Crypto;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Revocation.Tests.Support;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Tests.Durability;

/// <summary>
/// Issue 4, durability: a revocation that was acknowledged survives a SIGKILL of the service in the middle of
/// a burst of concurrent revocations, in the store and in the published list.
/// </summary>
public sealed class CrashTests
{
    private const int Credentials = 400;
    private const int InFlight = 48;
    private const int KillAfterAcknowledged = 80;

    [Fact]
    public async Task Every_acknowledged_revocation_survives_a_SIGKILL_mid_burst()
    {
        using var directory = new TempFolder();
        var database = directory.File("crash.db");
        var acknowledged = new ConcurrentDictionary<string, long>();
        var refused = 0;

        await using (var host = await CrashHostProcess.StartAsync(database, Credentials))
        {
            using var gate = new SemaphoreSlim(InFlight);
            var killed = 0;
            var burst = Enumerable.Range(0, Credentials).Select(async i =>
            {
                var id = $"cred-{i:D5}";
                await gate.WaitAsync();
                try
                {
                    using var content = new StringContent($$"""{"scope":"credential","target":"{{id}}","action":"revoke","reason":"burst {{i}}"}""", Encoding.UTF8, "application/json");
                    using var response = await host.Client.PostAsync("/v1/revocations", content);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        acknowledged[id] = body.RootElement.GetProperty("act_id").GetInt64();
                        if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            host.Kill();
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
            });
            await Task.WhenAll(burst);
            Assert.Equal(1, killed);
        }

        Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Credentials - 1);
        Assert.True(refused > 0, "The kill must land in the middle of the burst.");

        await using var restarted = await CrashHostProcess.StartAsync(database, Credentials);
        var key = await VerificationKey(restarted.Client);
        using var listResponse = await restarted.Client.GetAsync("/status-lists/1");
        var token = DecodedToken.Verify(await listResponse.Content.ReadAsStringAsync(), kid => kid == key.KeyId ? key : null);

        foreach (var (id, actId) in acknowledged)
        {
            // In the store: the credential is revoked and the act is recorded.
            var stored = (await restarted.Client.GetStringAsync($"/test/credentials/{id}")).Split(' ');
            Assert.Equal("1", stored[2]);
            Assert.Equal($"credential {id} revoke crash-test", await restarted.Client.GetStringAsync($"/test/acts/{actId}"));

            // In the published list.
            Assert.Equal(StatusValue.Invalid, token.List.Get(int.Parse(stored[1], System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The event ids continue gap-free across the crash and the list's version is its last status event's.
        await AssertEventsGapFree(restarted.Client, token.Claims.Version!.Value, acknowledged.Count);
    }

    private static async Task<Ed25519SecurityKey> VerificationKey(HttpClient client)
    {
        var parts = (await client.GetStringAsync("/test/key")).Split(' ');
        return new Ed25519SecurityKey(Base64Url.DecodeFromChars(parts[0]), parts[1]);
    }

    private static async Task AssertEventsGapFree(HttpClient client, long listVersion, int acknowledged)
    {
        await using var stream = await SseReader.OpenAsync(client, lastEventId: 0);
        var hello = await stream.NextAsync();
        using var helloData = JsonDocument.Parse(hello.Data);
        var lastId = helloData.RootElement.GetProperty("last_id").GetInt64();
        var ids = new List<long>();
        var versions = new List<long>();
        while (ids.Count < lastId)
        {
            SseItem<string> item = await stream.NextAsync();
            ids.Add(long.Parse(item.EventId!, System.Globalization.CultureInfo.InvariantCulture));
            using var data = JsonDocument.Parse(item.Data);
            versions.Add(data.RootElement.GetProperty("version").GetInt64());
        }

        Assert.Equal(Enumerable.Range(1, (int)lastId).Select(i => (long)i), ids);
        Assert.Equal(Enumerable.Range(0, (int)lastId).Select(i => (long)i), versions);
        Assert.Equal(listVersion, versions[^1]);
        Assert.True(listVersion >= acknowledged);
    }
}
