using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>
/// Reads and checks a <c>/v1/verify</c> body: bounded size, strict JSON (no duplicate members, no unknown fields,
/// exact types), before anything reaches the verifier. Bad input from outside is an error result, never an exception.
/// </summary>
internal static class VerifyRequestReader
{
    private const int MaxContextEntries = 32;
    private const int MaxValueLength = 8192;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 4,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static async ValueTask<(VerifyInput? Input, VerifyError? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, VerifyError.MediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, VerifyError.TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return (null, VerifyError.TooLarge(maxBytes));
                }
            }

            return Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static (VerifyInput? Input, VerifyError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        // RFC 8259 §8.1 and RFC 8725 §3.7: UTF-8 only. Lone surrogates written as \u escapes are caught where strings
        // are read (GetString throws for them): both are a 400, never a 500.
        if (!Utf8.IsValid(body.Span))
        {
            return (null, VerifyError.BadUnicode());
        }

        try
        {
            return ParseDocument(body);
        }
        catch (InvalidOperationException)
        {
            return (null, VerifyError.BadUnicode());
        }
    }

    private static (VerifyInput? Input, VerifyError? Error) ParseDocument(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            return (null, VerifyError.BadJson("The body is not valid JSON (or repeats a member)."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, VerifyError.BadJson("The body must be a JSON object."));
            }

            string? credential = null, proof = null, method = null, url = null, audience = null, action = null, resource = null;
            Dictionary<string, string>? context = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                VerifyError? error = property.Name switch
                {
                    "credential" => ReadString(property, ref credential),
                    "proof" => ReadString(property, ref proof),
                    "method" => ReadString(property, ref method),
                    "url" => ReadString(property, ref url),
                    "audience" => ReadString(property, ref audience),
                    "action" => ReadString(property, ref action),
                    "resource" => ReadString(property, ref resource),
                    "context" => ReadContext(property, ref context),
                    _ => VerifyError.Unknown(property.Name),
                };
                if (error is not null)
                {
                    return (null, error);
                }
            }

            if (string.IsNullOrEmpty(credential))
            {
                return (null, VerifyError.Missing("credential"));
            }

            if (string.IsNullOrEmpty(method))
            {
                return (null, VerifyError.Missing("method"));
            }

            if (string.IsNullOrEmpty(url))
            {
                return (null, VerifyError.Missing("url"));
            }

            if (string.IsNullOrEmpty(action))
            {
                return (null, VerifyError.Missing("action"));
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
            {
                return (null, VerifyError.Invalid("url", "url must be the absolute http(s) URL of the request being authorised."));
            }

            if (audience is { Length: 0 })
            {
                return (null, VerifyError.Invalid("audience", "audience must not be empty; omit it to use the configured audience."));
            }

            return (new VerifyInput(credential, proof, method, target, audience, action, resource, context), null);
        }
    }

    private static VerifyError? ReadString(JsonProperty property, ref string? value)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                value = null;
                return null;
            case JsonValueKind.String:
                value = property.Value.GetString();
                return value!.Length > MaxValueLength ? VerifyError.Invalid(property.Name, $"{property.Name} is longer than {MaxValueLength} characters.") : null;
            default:
                return VerifyError.Invalid(property.Name, $"{property.Name} must be a string.");
        }
    }

    private static VerifyError? ReadContext(JsonProperty property, ref Dictionary<string, string>? context)
    {
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            return VerifyError.Invalid("context", "context must be an object of string or number values.");
        }

        context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in property.Value.EnumerateObject())
        {
            if (context.Count == MaxContextEntries)
            {
                return VerifyError.Invalid("context", $"context has more than {MaxContextEntries} entries.");
            }

            switch (entry.Value.ValueKind)
            {
                case JsonValueKind.String:
                    context[entry.Name] = entry.Value.GetString()!;
                    break;
                case JsonValueKind.Number:
                    // The number exactly as sent: constraints compare decimals, never binary floating point.
                    context[entry.Name] = entry.Value.GetRawText();
                    break;
                default:
                    return VerifyError.Invalid("context", $"context.{entry.Name} must be a string or a number.");
            }
        }

        return null;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         (parsed.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && parsed.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
