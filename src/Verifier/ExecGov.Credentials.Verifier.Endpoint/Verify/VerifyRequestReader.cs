using System.Text.Json;
using System.Text.Unicode;
using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;

namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>
/// Reads and checks a <c>/v1/verify</c> body with the one bounded reader (<see cref="JsonBodyReader"/>), then
/// strictly (no duplicate members, no unknown fields, exact types), before anything reaches the verifier. Bad input
/// from outside is an error result, never an exception. Parsed by hand over a <see cref="JsonDocument"/> rather than
/// a source-generated contract because each refusal names its field with its own code (missing, unknown, invalid).
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

    // Cached once: a method group converted per call would allocate a delegate on every request.
    private static readonly BodyParser<VerifyInput> Parser = Parse;

    public static ValueTask<BodyResult<VerifyInput>> ReadAsync(HttpRequest request, int maxBytes) =>
        JsonBodyReader.ReadAsync(request, maxBytes, Parser);

    internal static BodyResult<VerifyInput> Parse(ReadOnlyMemory<byte> body)
    {
        // RFC 8259 §8.1 and RFC 8725 §3.7: UTF-8 only. Lone surrogates written as \u escapes are caught where strings
        // are read (GetString throws for them): both are a 400, never a 500.
        if (!Utf8.IsValid(body.Span))
        {
            return BadUnicode();
        }

        try
        {
            return ParseDocument(body);
        }
        catch (InvalidOperationException)
        {
            return BadUnicode();
        }
    }

    private static BodyResult<VerifyInput> ParseDocument(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            return BadJson("The body is not valid JSON (or repeats a member).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BadJson("The body must be a JSON object.");
            }

            string? credential = null, proof = null, method = null, url = null, audience = null, action = null, resource = null;
            Dictionary<string, string>? context = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                HttpError? error = property.Name switch
                {
                    "credential" => ReadString(property, ref credential),
                    "proof" => ReadString(property, ref proof),
                    "method" => ReadString(property, ref method),
                    "url" => ReadString(property, ref url),
                    "audience" => ReadString(property, ref audience),
                    "action" => ReadString(property, ref action),
                    "resource" => ReadString(property, ref resource),
                    "context" => ReadContext(property, ref context),
                    _ => Unknown(property.Name),
                };
                if (error is not null)
                {
                    return error;
                }
            }

            if (string.IsNullOrEmpty(credential))
            {
                return Missing("credential");
            }

            if (string.IsNullOrEmpty(method))
            {
                return Missing("method");
            }

            if (string.IsNullOrEmpty(url))
            {
                return Missing("url");
            }

            if (string.IsNullOrEmpty(action))
            {
                return Missing("action");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
            {
                return Invalid("url", "url must be the absolute http(s) URL of the request being authorised.");
            }

            if (audience is { Length: 0 })
            {
                return Invalid("audience", "audience must not be empty; omit it to use the configured audience.");
            }

            return new VerifyInput(credential, proof, method, target, audience, action, resource, context);
        }
    }

    private static HttpError? ReadString(JsonProperty property, ref string? value)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                value = null;
                return null;
            case JsonValueKind.String:
                value = property.Value.GetString();
                return value!.Length > MaxValueLength ? Invalid(property.Name, $"{property.Name} is longer than {MaxValueLength} characters.") : null;
            default:
                return Invalid(property.Name, $"{property.Name} must be a string.");
        }
    }

    private static HttpError? ReadContext(JsonProperty property, ref Dictionary<string, string>? context)
    {
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            return Invalid("context", "context must be an object of string or number values.");
        }

        context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in property.Value.EnumerateObject())
        {
            if (context.Count == MaxContextEntries)
            {
                return Invalid("context", $"context has more than {MaxContextEntries} entries.");
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
                    return Invalid("context", $"context.{entry.Name} must be a string or a number.");
            }
        }

        return null;
    }

    internal static HttpError Missing(string field) => new(ErrorCode.MissingField, $"The required field '{field}' is missing or null.", field);

    internal static HttpError Invalid(string field, string detail) => new(ErrorCode.InvalidField, detail, field);

    private static HttpError Unknown(string field) => new(ErrorCode.UnknownField, $"The field '{field}' is not part of the request; remove it.", field);

    private static HttpError BadJson(string detail) => new(ErrorCode.InvalidJson, detail);

    private static HttpError BadUnicode() => new(ErrorCode.InvalidJson, "The body holds text that is not valid Unicode (invalid UTF-8, or a lone UTF-16 surrogate such as \\ud800).");
}
