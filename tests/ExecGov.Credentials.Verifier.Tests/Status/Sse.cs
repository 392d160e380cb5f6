using System.Globalization;
using System.Text;

namespace ExecGov.Credentials.Verifier.Tests.Status;

/// <summary>Writes Server-Sent Events text as docs/revocation.md §3 describes the stream.</summary>
internal static class Sse
{
    public static string Hello(long lastId, params (string Uri, long Version)[] lists) =>
        Event("hello", $$"""{"last_id":{{lastId}},"lists":[{{string.Join(",", lists.Select(l => $$"""{"uri":"{{l.Uri}}","version":{{l.Version}}}"""))}}]}""");

    public static string Status(long id, string uri, long version, int status, params int[] indices) =>
        Event("status", $$"""{"uri":"{{uri}}","version":{{version}},"status":{{status}},"idx":[{{string.Join(",", indices)}}]}""", id);

    public static string ListStarted(long id, string uri) => Event("list", $$"""{"uri":"{{uri}}","version":0}""", id);

    public static string Heartbeat(long lastId) => Event("heartbeat", $$"""{"last_id":{{lastId}},"at":1795000000}""");

    public static string KeyWithdrawn(long id, string kid) => Event("key_withdrawn", $$"""{"kid":"{{kid}}"}""", id);

    public static string Reset(long lastId) => Event("reset", $$"""{"last_id":{{lastId}}}""");

    public static string Event(string type, string data, long? id = null)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"event: {type}\n");
        if (id is { } value)
        {
            text.Append(CultureInfo.InvariantCulture, $"id: {value}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"data: {data}\n\n");
        return text.ToString();
    }
}
