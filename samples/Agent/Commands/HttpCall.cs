using System.Net.Http.Headers;
using System.Text;
using ExecGov.Credentials.Agent.Credentials;

namespace ExecGov.Samples.Agent.Commands;

/// <summary>Sends one request and prints the answer: the status code on the first line, then the body.</summary>
internal static class HttpCall
{
    /// <summary>What a response body may be before it is cut for printing.</summary>
    private const int MaxPrintedBody = 256 * 1024;

    public static async Task<int> SendAsync(HttpClient http, HttpMethod method, Uri url, string? json, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AgentCredentialException ex)
        {
            throw CommandException.Failed($"no credential ({ex.Error}{(ex.IssuerCode is null ? "" : ", " + ex.IssuerCode)}): {AgentCommandLine.OneLine(ex.Message)}");
        }
        catch (HttpRequestException ex)
        {
            throw CommandException.Failed($"{method} {url} failed: {AgentCommandLine.OneLine(ex.Message)}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw CommandException.Failed($"{method} {url} did not answer in time.");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await stdout.WriteLineAsync(body.Length <= MaxPrintedBody ? body : body[..MaxPrintedBody] + "…").ConfigureAwait(false);
            return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.Refused;
        }
    }

    /// <summary>The network under the proof handler: no redirects, since the proof names the original URL and the credential must not travel on.</summary>
    public static SocketsHttpHandler Network() => new() { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
}
