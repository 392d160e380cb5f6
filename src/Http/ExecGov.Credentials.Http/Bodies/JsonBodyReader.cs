using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Http.Bodies;

/// <summary>
/// The one bounded JSON body reader: JSON content types only (<c>application/json</c> or <c>application/*+json</c>,
/// else <c>415 unsupported_media_type</c>), at most a given size, checked while reading so a lying or absent
/// <c>Content-Length</c> does not help (else <c>413 payload_too_large</c>), and a body that does not parse is
/// <c>400 invalid_json</c>. Every failure is a result with a precise detail, never an exception page. Used instead
/// of minimal-API binding because binding failures there have no stable code and no size limit per endpoint.
/// </summary>
public static class JsonBodyReader
{
    /// <summary>The default body limit: 64 KiB is far more than any request here needs.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>True when the request carries no body at all (for endpoints whose body is optional).</summary>
    public static bool IsEmpty(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey(HeaderNames.TransferEncoding));
    }

    /// <summary>
    /// Reads the body as <typeparamref name="T"/> with <paramref name="typeInfo"/> (its source-generated options decide
    /// about unknown, duplicate and required members); a JSON <c>null</c> is refused.
    /// </summary>
    public static ValueTask<BodyResult<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return ReadAsync(request, maxBytes, body => Deserialize(body, typeInfo));
    }

    /// <summary>
    /// Checks the content type and size, reads the whole body into a pooled buffer and hands it to
    /// <paramref name="parse"/>; the buffer is wiped before it goes back to the pool (bodies carry credentials
    /// and personal data).
    /// </summary>
    public static async ValueTask<BodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, BodyParser<T> parse)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (IsEmpty(request))
        {
            return BodyResult<T>.Fail(ErrorCode.InvalidJson, "The request needs a JSON body.");
        }

        if (!request.HasJsonContentType())
        {
            return BodyResult<T>.Fail(ErrorCode.UnsupportedMediaType, "Send the body as Content-Type: application/json.");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge<T>(maxBytes);
        }

        // One byte more than the limit, so an over-long body is seen without reading all of it.
        var capacity = (int)Math.Min(maxBytes + 1L, (request.ContentLength ?? maxBytes) + 1L);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            int read;
            while (length <= maxBytes)
            {
                if (length == buffer.Length)
                {
                    // Content-Length was smaller than the body (only possible behind a lax proxy): grow up to the limit.
                    var larger = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    buffer.AsSpan(0, length).Clear();
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length > maxBytes ? TooLarge<T>(maxBytes) : parse(buffer.AsMemory(0, length));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own request size limit is below this endpoint's.
            return TooLarge<T>(maxBytes);
        }
        finally
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static BodyResult<T> TooLarge<T>(int maxBytes) => BodyResult<T>.Fail(ErrorCode.PayloadTooLarge, $"The body may be at most {maxBytes} bytes.");

    private static BodyResult<T> Deserialize<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(body.Span, typeInfo);
            return value is null
                ? BodyResult<T>.Fail(ErrorCode.InvalidJson, "The body must be a JSON object, not null.")
                : value;
        }
        catch (JsonException ex)
        {
            // Plain text naming the member or position, never the serializer's .NET type names.
            return BodyResult<T>.Fail(ErrorCode.InvalidJson, $"The body is not valid for this endpoint: {JsonErrorText.Describe(ex)}.");
        }
    }
}
