using System.Security.Claims;
using System.Text.Json;
using ExecGov.Credentials.Json;
using ExecGov.Credentials.Revocation.Endpoints;
using ExecGov.Credentials.Revocation.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.Revocation.Admin;

/// <summary>
/// <c>POST /v1/revocations</c>: validates the body, applies the act, answers once it is durable. Every
/// refusal is problem+json and changes nothing.
/// </summary>
internal static class RevocationAdminEndpoint
{
    /// <summary>Largest accepted body; a request is four short strings.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public static async Task PostAsync(HttpContext context)
    {
        var registry = context.RequestServices.GetRequiredService<RevocationRegistry>();
        var responder = ResponderOf(context.User);
        if (responder is null)
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.ResponderUnknown).ConfigureAwait(false);
            return;
        }

        if (!context.Request.HasJsonContentType())
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.UnsupportedMediaType).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.BodyTooLarge, $"The body is larger than {MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        RevocationApiRequest? input;
        try
        {
            input = JsonSerializer.Deserialize(body, RevocationJsonContext.Default.RevocationApiRequest);
        }
        catch (JsonException ex)
        {
            // Plain text naming the member or position, never the serializer's .NET type names.
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.InvalidJson, $"The body is not valid for this endpoint: {JsonErrorText.Describe(ex)}.").ConfigureAwait(false);
            return;
        }

        if (input is null)
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.InvalidJson, "The body is null.").ConfigureAwait(false);
            return;
        }

        if (!input.TryValidate(responder, out var request, out var problem))
        {
            context.Response.StatusCode = problem.Status;
            context.Response.ContentType = ProblemResponses.ContentType;
            await JsonSerializer.SerializeAsync(context.Response.Body, problem, RevocationJsonContext.Default.RevocationProblem, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        RevocationResult result;
        try
        {
            // The host's part (the target check, the audit record) runs inside the act's transaction.
            result = await registry.ApplyAsync(request, context.RequestServices.GetService<HostActPart>(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.RevocationUnavailable).ConfigureAwait(false);
            return;
        }

        if (result.Outcome == RevocationOutcome.UnknownCredential)
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.CredentialNotFound).ConfigureAwait(false);
            return;
        }

        if (result.Outcome == RevocationOutcome.TargetNotFound)
        {
            await ProblemResponses.WriteAsync(context, RevocationErrorCode.TargetNotFound, $"No {RevocationNames.ToWire(request.Scope)} with this id is known here.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, RevocationApiResponse.From(result), RevocationJsonContext.Default.RevocationApiResponse, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The responder recorded in the audit trail: the authenticated caller's <c>sub</c> (JwtBearer maps it to
    /// NameIdentifier by default), else its <c>client_id</c>.
    /// </summary>
    internal static string? ResponderOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var value = (user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier) ?? user.FindFirst("client_id"))?.Value;
        return string.IsNullOrWhiteSpace(value) || value.Length > RevocationApiRequest.MaxTargetLength ? null : value;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[2048];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
