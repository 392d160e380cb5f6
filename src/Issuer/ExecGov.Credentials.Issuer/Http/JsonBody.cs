using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>
/// Reads a JSON request body strictly: <c>application/json</c> only, at most a given size (checked while
/// reading, so a lying Content-Length does not help), no duplicate or unknown members, required members
/// present. Every failure is a result with a precise detail, never an exception page. Written by hand instead
/// of minimal-API binding because binding failures there have no stable code and no size limit per endpoint.
/// </summary>
internal static class JsonBody
{
    /// <summary>The default body limit: 64 KiB is far more than any request here needs.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>True when the request carries no body at all (for endpoints whose body is optional).</summary>
    public static bool IsEmpty(HttpRequest request) =>
        request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey(HeaderNames.TransferEncoding));

    public static async Task<IssuerResult<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (IsEmpty(request))
        {
            return IssuerResult<T>.Fail(IssuerErrorCode.InvalidRequest, "The request needs a JSON body.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return IssuerResult<T>.Fail(IssuerErrorCode.UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not application/json.");
        }

        if (request.ContentLength > maxBytes)
        {
            return IssuerResult<T>.Fail(IssuerErrorCode.PayloadTooLarge, $"The body may be at most {maxBytes} bytes.");
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        byte[] buffer;
        try
        {
            using var memory = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (memory.Length + read > maxBytes)
                {
                    return IssuerResult<T>.Fail(IssuerErrorCode.PayloadTooLarge, $"The body may be at most {maxBytes} bytes.");
                }

                memory.Write(chunk, 0, read);
            }

            buffer = memory.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return IssuerResult<T>.Fail(IssuerErrorCode.PayloadTooLarge, $"The body may be at most {maxBytes} bytes.");
        }

        try
        {
            var value = JsonSerializer.Deserialize(buffer, typeInfo);
            return value is null
                ? IssuerResult<T>.Fail(IssuerErrorCode.InvalidRequest, "The body must be a JSON object, not null.")
                : value;
        }
        catch (JsonException ex)
        {
            // Plain text naming the member or position, never the serializer's .NET type names.
            return IssuerResult<T>.Fail(IssuerErrorCode.InvalidRequest, $"The body is not valid for this endpoint: {JsonErrorText.Describe(ex)}.");
        }
    }
}
