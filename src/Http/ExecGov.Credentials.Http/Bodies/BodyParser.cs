namespace ExecGov.Credentials.Http.Bodies;

/// <summary>
/// Turns the bytes of a request body into a value or a refusal. The bytes are only valid during the call: they sit
/// in a pooled buffer that is wiped and returned afterwards, so nothing may keep a reference to them.
/// </summary>
/// <typeparam name="T">The value read from the body.</typeparam>
/// <param name="body">The whole body, at most the reader's limit.</param>
public delegate BodyResult<T> BodyParser<T>(ReadOnlyMemory<byte> body);
