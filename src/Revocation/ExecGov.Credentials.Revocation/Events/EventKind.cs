namespace ExecGov.Credentials.Revocation.Events;

/// <summary>The persisted kinds of stream event (hello, heartbeat and reset are per connection and never stored).</summary>
internal enum EventKind
{
    /// <summary><c>event: status</c>: entries of one list changed.</summary>
    Status,

    /// <summary><c>event: list</c>: a new list was started.</summary>
    List,

    /// <summary><c>event: key_withdrawn</c>: a signing key was withdrawn as compromised; verifiers drop it at once.</summary>
    KeyWithdrawn,
}
