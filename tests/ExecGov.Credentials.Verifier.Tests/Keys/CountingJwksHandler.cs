using System.Net;
using System.Text;

namespace ExecGov.Credentials.Verifier.Tests.Keys;

/// <summary>Serves a JWKS document (or an error) and counts how often it was asked.</summary>
internal sealed class CountingJwksHandler : HttpMessageHandler
{
    private int _requests;

    public string Jwks { get; set; } = """{"keys":[]}""";

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Task.FromResult(new HttpResponseMessage(Status)
        {
            Content = new StringContent(Jwks, Encoding.UTF8, "application/jwk-set+json"),
        });
    }
}
