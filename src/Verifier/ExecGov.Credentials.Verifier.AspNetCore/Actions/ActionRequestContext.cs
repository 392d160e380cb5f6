using System.Globalization;
using System.Text.Json;
using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.AspNetCore.Actions;

/// <summary>
/// The request as an endpoint's values reader sees it, before model binding and before the handler: route
/// values, query values and the JSON body, read so that the handler can still read them afterwards. Every
/// reader returns null (a missing value, so constraints fail) rather than guess: a repeated query parameter,
/// a body that is not JSON or too large.
/// </summary>
public sealed class ActionRequestContext
{
    private readonly int _maxBodyBytes;

    internal ActionRequestContext(HttpContext httpContext, string action, int maxBodyBytes)
    {
        HttpContext = httpContext;
        Action = action;
        _maxBodyBytes = maxBodyBytes;
    }

    /// <summary>The current request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The action the endpoint declared.</summary>
    public string Action { get; }

    /// <summary>A route value (e.g. <c>{invoice}</c>) in invariant culture; null when absent.</summary>
    public string? RouteValue(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return HttpContext.GetRouteValue(name) switch
        {
            null => null,
            string text => text,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    /// <summary>A query value; null when absent or given more than once (a handler might read either copy).</summary>
    public string? QueryValue(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var values = HttpContext.Request.Query[name];
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// Deserializes the JSON body with the application's minimal-API JSON options (the ones its parameter binding
    /// uses, so the values checked are the values bound), then rewinds the body for the handler
    /// (<see cref="HttpRequestRewindExtensions.EnableBuffering(HttpRequest)"/>). Default when the content type is not
    /// JSON, the body is not valid JSON for <typeparamref name="T"/>, or it is longer than
    /// <see cref="ActionEnforcementOptions.MaxBodyBytes"/> (with or without <c>Content-Length</c>). For MVC, pass MVC's
    /// serializer options.
    /// </summary>
    public async ValueTask<T?> ReadJsonBodyAsync<T>(JsonSerializerOptions? serializerOptions = null)
    {
        // Buffered without a limit of its own, so the handler can always read the whole body again; the one bounded
        // reader reads at most MaxBodyBytes + 1 bytes of it (Kestrel's MaxRequestBodySize still bounds the request).
        var request = HttpContext.Request;
        request.EnableBuffering();
        var options = serializerOptions
            ?? HttpContext.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? JsonSerializerOptions.Web;
        try
        {
            request.Body.Position = 0;
            var body = await JsonBodyReader.ReadAsync<T?>(request, _maxBodyBytes, bytes => Deserialize<T>(bytes, options)).ConfigureAwait(false);
            return body.Failed ? default : body.Value;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static BodyResult<T?> Deserialize<T>(ReadOnlyMemory<byte> body, JsonSerializerOptions options)
    {
        try
        {
            return BodyResult<T?>.Ok(JsonSerializer.Deserialize<T>(body.Span, options));
        }
        catch (JsonException)
        {
            return BodyResult<T?>.Fail(ErrorCode.InvalidJson);
        }
        catch (NotSupportedException)
        {
            // A JSON shape the options cannot bind (the handler's binding fails the same way).
            return BodyResult<T?>.Fail(ErrorCode.InvalidJson);
        }
    }
}
