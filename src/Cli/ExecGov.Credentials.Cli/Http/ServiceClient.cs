using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Cli.Http;

/// <summary>
/// Speaks JSON to an ExecGov service (the issuer, or a verifier endpoint): one request, its answer as JSON, and
/// every failure as a <see cref="CliException"/> with one actionable line.
/// </summary>
internal sealed class ServiceClient(string service, Uri baseUri, string hint, string? bearerToken = null)
{
    public Uri BaseUri { get; } = baseUri;

    public async Task<ServiceResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, string? authorization = null)
    {
        var uri = new Uri(BaseUri, path.TrimStart('/'));
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await SendAsync(request, path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ServiceResponse> SendAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseMessage response;
        try
        {
            response = await HttpClients.Shared.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw ServiceError.Unreachable(service, BaseUri, ex, hint);
        }

        using (response)
        {
            string text;
            try
            {
                text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw ServiceError.Unreachable(service, BaseUri, ex, hint);
            }

            var json = TryParse(text);
            if (!response.IsSuccessStatusCode || (int)response.StatusCode >= 300)
            {
                throw ServiceError.FromResponse(service, BaseUri, path, response.StatusCode, json, hint, request.Headers.Authorization is not null);
            }

            return json is null
                ? throw ServiceError.NotAnExecGovService(service, BaseUri, path, (int)response.StatusCode, hint)
                : new ServiceResponse(response.StatusCode, json);
        }
    }

    /// <summary>GETs a public document that must be JSON (metadata, health).</summary>
    public async Task<JsonNode> GetJsonAsync(string path, CancellationToken cancellationToken, bool acceptServiceUnavailable = false)
    {
        var uri = new Uri(BaseUri, path.TrimStart('/'));
        HttpResponseMessage response;
        try
        {
            response = await HttpClients.Shared.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw ServiceError.Unreachable(service, BaseUri, ex, hint);
        }

        using (response)
        {
            var json = TryParse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (json is not null && (response.IsSuccessStatusCode || (acceptServiceUnavailable && response.StatusCode == HttpStatusCode.ServiceUnavailable)))
            {
                return json;
            }

            throw json is null
                ? ServiceError.NotAnExecGovService(service, BaseUri, path, (int)response.StatusCode, hint)
                : ServiceError.FromResponse(service, BaseUri, path, response.StatusCode, json, hint, authenticated: false);
        }
    }

    internal static JsonNode? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
