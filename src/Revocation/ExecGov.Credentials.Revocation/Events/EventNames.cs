namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The SSE <c>event</c> names of docs/revocation.md §3.</summary>
internal static class EventNames
{
    public const string Hello = "hello";
    public const string Status = "status";
    public const string List = "list";
    public const string Heartbeat = "heartbeat";
    public const string Reset = "reset";
    public const string KeyWithdrawn = "key_withdrawn";
}
