using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Json;
using ExecGov.Credentials.Status;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Cli.Status;

/// <summary>
/// Finds the issuer's status lists and how fresh each is: the event stream's first message (<c>hello</c>,
/// docs/revocation.md §3) names every list and its version; each list token's <c>iat</c>, <c>exp</c> and
/// <c>ttl</c> say when it was signed and how long it stays usable. For display: verifiers check these tokens.
/// </summary>
internal static class StatusListProbe
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(5);

    public static async Task<JsonArray> ReadAsync(Uri eventsUri, CancellationToken cancellationToken)
    {
        var lists = new JsonArray();
        foreach (var (uri, version) in await HelloAsync(eventsUri, cancellationToken).ConfigureAwait(false))
        {
            lists.Add(await ListAsync(uri, version, cancellationToken).ConfigureAwait(false));
        }

        return lists;
    }

    private static async Task<List<(string Uri, long Version)>> HelloAsync(Uri eventsUri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HelloTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, eventsUri);
        request.Headers.Accept.ParseAdd("text/event-stream");
        try
        {
            using var response = await HttpClients.Shared.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException(ExitCodes.Unavailable, "status_events_unavailable", $"The status event stream {eventsUri} answered HTTP {(int)response.StatusCode}.");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using var streamScope = stream.ConfigureAwait(false);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(timeout.Token).ConfigureAwait(false))
            {
                if (item.EventType != "hello")
                {
                    continue;
                }

                var hello = JsonNode.Parse(item.Data);
                return JsonRead.Items(hello?["lists"])
                    .Select(l => (JsonRead.Str(l, "uri") ?? string.Empty, JsonRead.Long(l, "version") ?? 0))
                    .Where(l => l.Item1.Length > 0)
                    .ToList();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Unavailable, "status_events_unavailable", $"The status event stream {eventsUri} sent no hello within {HelloTimeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            throw new CliException(ExitCodes.Unavailable, "status_events_unavailable", $"Cannot read the status event stream {eventsUri} ({ex.Message}).");
        }

        throw new CliException(ExitCodes.Unavailable, "status_events_unavailable", $"The status event stream {eventsUri} closed without a hello.");
    }

    private static async Task<JsonObject> ListAsync(string uri, long version, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { ["uri"] = uri, ["version"] = version };
        try
        {
            using var response = await HttpClients.Shared.GetAsync(new Uri(uri), cancellationToken).ConfigureAwait(false);
            var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (!response.IsSuccessStatusCode)
            {
                entry["error"] = $"HTTP {(int)response.StatusCode}";
                return entry;
            }

            // Read for display with the one compact-JWS reader (the verifier checks the signature, not this probe).
            if (!CompactJws.TrySplit(text, out var firstDot, out var secondDot) ||
                !CompactJws.TryDecodeJson(text.AsSpan(firstDot + 1, secondDot - firstDot - 1), StatusListJsonContext.Default.StatusListTokenClaims, out var claims))
            {
                entry["error"] = "the list is not a signed token";
                return entry;
            }

            entry["issued_at"] = DateTimeOffset.FromUnixTimeSeconds(claims!.IssuedAt).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            entry["expires_at"] = claims.Expires is { } exp ? DateTimeOffset.FromUnixTimeSeconds(exp).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;
            entry["ttl_seconds"] = claims.TimeToLive;
            entry["token_version"] = claims.Version;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or FormatException or ArgumentException)
        {
            entry["error"] = ex switch
            {
                HttpRequestException http => $"cannot fetch the list ({CliOutput.OneLine(http.Message)})",
                TaskCanceledException => "no answer in time",
                JsonException json => $"the list token's claims are not JSON ({JsonErrorText.Describe(json)})",
                _ => "the list is not a signed token",
            };
        }

        return entry;
    }
}
