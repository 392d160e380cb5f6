using System.Text.Json;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary>
/// One event from the stream, parsed as it is read (the <see cref="System.Net.ServerSentEvents.SseItemParser{T}"/>).
/// <see cref="Body"/> is null for an event this verifier does not know (ignored, for forward compatibility) and
/// <see cref="IsMalformed"/> is true for a known event whose data cannot be read (a protocol error).
/// </summary>
internal readonly record struct StreamMessage(string Type, object? Body, bool IsMalformed)
{
    public const string Hello = "hello";
    public const string Status = "status";
    public const string List = "list";
    public const string Heartbeat = "heartbeat";
    public const string Reset = "reset";
    public const string KeyWithdrawn = "key_withdrawn";

    public static StreamMessage Parse(string type, ReadOnlySpan<byte> data)
    {
        try
        {
            object? body = type switch
            {
                Hello => JsonSerializer.Deserialize(data, StatusEventJsonContext.Default.HelloEvent),
                Status => JsonSerializer.Deserialize(data, StatusEventJsonContext.Default.StatusChangeEvent),
                List => JsonSerializer.Deserialize(data, StatusEventJsonContext.Default.ListVersion),
                Heartbeat => JsonSerializer.Deserialize(data, StatusEventJsonContext.Default.HeartbeatEvent),
                Reset => JsonSerializer.Deserialize(data, StatusEventJsonContext.Default.ResetEvent),
                KeyWithdrawn => JsonSerializer.Deserialize(data, StatusEventJsonContext.Default.KeyWithdrawnEvent),
                _ => null,
            };
            var known = type is Hello or Status or List or Heartbeat or Reset or KeyWithdrawn;
            return new StreamMessage(type, body, IsMalformed: known && body is null);
        }
        catch (JsonException)
        {
            return new StreamMessage(type, null, IsMalformed: true);
        }
    }
}
