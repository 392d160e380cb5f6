namespace ExecGov.Credentials.Revocation.Publishing;

/// <summary>A list's token could not be signed (no usable key); the endpoint answers 503 rather than anything stale or unsigned.</summary>
internal sealed class StatusListUnavailableException : Exception
{
    public StatusListUnavailableException(int listId, Exception inner)
        : base($"Status list {listId} could not be signed.", inner)
    {
        ListId = listId;
    }

    public StatusListUnavailableException()
    {
    }

    public StatusListUnavailableException(string message)
        : base(message)
    {
    }

    public StatusListUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ListId { get; }
}
