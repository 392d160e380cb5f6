using ExecGov.Credentials.Cli.Config;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>Reads a credential (a compact JWS) from a file, or from standard input for <c>-</c>; never from the command line itself.</summary>
internal static class CredentialInput
{
    public static async Task<string> ReadAsync(string source, CancellationToken cancellationToken)
    {
        var text = source == "-"
            ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
            : SecureFile.ReadText(source, "Credential file", "pass the file the credential was written to (credentials issue --out <path>), or - for standard input.");
        var token = text.Trim();
        if (token.Length == 0)
        {
            throw new CliException(ExitCodes.InvalidInput, "malformed_token", $"{(source == "-" ? "Standard input" : source)} holds no credential; pass the file credentials issue --out wrote.");
        }

        return token;
    }
}
