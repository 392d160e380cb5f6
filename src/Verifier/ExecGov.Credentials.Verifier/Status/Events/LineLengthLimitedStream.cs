namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary>
/// A read-only stream that fails once a line grows past a limit. <see cref="System.Net.ServerSentEvents.SseParser"/>
/// buffers a line until its end without a bound, so without this a stream that never sends a line break would
/// grow the verifier's memory without limit. Hand-written because the parser has no such option.
/// </summary>
internal sealed class LineLengthLimitedStream(Stream inner, int maxLineBytes) : Stream
{
    private int _lineLength;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<byte> chunk)
    {
        var lastBreak = chunk.LastIndexOfAny((byte)'\n', (byte)'\r');
        _lineLength = lastBreak < 0 ? _lineLength + chunk.Length : chunk.Length - lastBreak - 1;
        if (_lineLength > maxLineBytes)
        {
            throw new IOException($"An event stream line exceeded {maxLineBytes} bytes.");
        }
    }
}
