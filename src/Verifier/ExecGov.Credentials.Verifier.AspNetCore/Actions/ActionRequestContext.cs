using System.Globalization;
using System.Text.Json;
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
/// a body that is not JSON, too large, or without a <c>Content-Length</c>.
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
    /// (<see cref="HttpRequestRewindExtensions.EnableBuffering(HttpRequest, int, long)"/>). Default when the content type
    /// is not JSON, the body is not valid JSON for <typeparamref name="T"/>, there is no <c>Content-Length</c>, or it
    /// exceeds <see cref="ActionEnforcementOptions.MaxBodyBytes"/>. For MVC, pass MVC's serializer options.
    /// </summary>
    public async ValueTask<T?> ReadJsonBodyAsync<T>(JsonSerializerOptions? serializerOptions = null)
    {
        var request = HttpContext.Request;

        // Only a body of known, bounded length is buffered: the handler must find it intact whatever happens here.
        if (!request.HasJsonContentType() || request.ContentLength is not { } length || length > _maxBodyBytes)
        {
            return default;
        }

        request.EnableBuffering(bufferThreshold: (int)Math.Min(length, 32 * 1024), bufferLimit: _maxBodyBytes);
        var options = serializerOptions
            ?? HttpContext.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? JsonSerializerOptions.Web;
        request.Body.Position = 0;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return default;
        }
        catch (NotSupportedException)
        {
            return default; // a JSON shape the options cannot bind (the handler's binding fails the same way)
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
