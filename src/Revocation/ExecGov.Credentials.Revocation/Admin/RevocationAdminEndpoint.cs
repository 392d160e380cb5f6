using System.Security.Claims;
using System.Text.Json;
using ExecGov.Credentials.Http.Bodies;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
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
            await ProblemWriter.WriteAsync(context, ErrorCode.ResponderUnknown).ConfigureAwait(false);
            return;
        }

        var body = await JsonBodyReader.ReadAsync(context.Request, RevocationJsonContext.Default.RevocationApiRequest, MaxBodyBytes).ConfigureAwait(false);
        if (body.Failed)
        {
            await ProblemWriter.WriteAsync(context, body.Error).ConfigureAwait(false);
            return;
        }

        var input = body.Value;
        if (!input.TryValidate(responder, out var request, out var problem))
        {
            await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
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
            await ProblemWriter.WriteAsync(context, ErrorCode.RevocationUnavailable).ConfigureAwait(false);
            return;
        }

        if (result.Outcome == RevocationOutcome.UnknownCredential)
        {
            await ProblemWriter.WriteAsync(context, ErrorCode.CredentialNotFound).ConfigureAwait(false);
            return;
        }

        if (result.Outcome == RevocationOutcome.TargetNotFound)
        {
            await ProblemWriter.WriteAsync(context, ErrorCode.TargetNotFound, $"No {RevocationNames.ToWire(request.Scope)} with this id is known here.").ConfigureAwait(false);
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
}
