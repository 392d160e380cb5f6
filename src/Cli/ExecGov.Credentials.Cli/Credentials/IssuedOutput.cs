using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// Writes an issued credential: the token to <c>--out</c> (mode 0600) when given — then it is left out of the
/// printed result, so it does not end up in logs — and a summary for people or the issuer's JSON for scripts.
/// </summary>
internal static class IssuedOutput
{
    public static void Write(CliContext context, JsonNode issued, string? outPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = JsonRead.Str(issued, "credential")
            ?? throw new CliException(ExitCodes.Unavailable, "invalid_response", "The issuer's answer holds no credential; check the issuer's version.");
        var document = issued.DeepClone().AsObject();
        if (outPath is not null)
        {
            SecureFile.Write(outPath, token + "\n", overwrite: true);
            document.Remove("credential");
            document["credential_file"] = Path.GetFullPath(outPath);
        }

        var now = context.Time.GetUtcNow();
        context.Output.Result(document, () =>
        {
            var expires = Times.Read(issued, "expires_at");
            context.Output.Line(
                $"Issued credential {JsonRead.Str(issued, "credential_id")} to agent {JsonRead.Str(issued, "agent_id") ?? "-"} " +
                $"for {JsonRead.List(issued, "audience")}, session {JsonRead.Str(issued, "session_id")}, " +
                $"valid until {(expires is { } e ? Times.Relative(e, now) : "-")}, authorised by {JsonRead.Str(issued["authoriser"], "sub")}.");
            context.Output.Line(outPath is not null ? $"Written to {outPath} (mode 0600)." : token);
        });
    }
}
