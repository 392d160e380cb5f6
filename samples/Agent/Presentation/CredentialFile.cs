using System.Text.Json;
using ExecGov.Samples.Agent.Commands;

namespace ExecGov.Samples.Agent.Presentation;

/// <summary>
/// Reads a credential saved to a file: either the compact token alone, or the issuer's JSON answer
/// (<c>{"credential": "&lt;token&gt;", "credential_id": …}</c>, as <c>POST /v1/credentials</c> returns it).
/// </summary>
internal static class CredentialFile
{
    // Larger than any credential the verifier accepts (8 KiB by default), small enough never to read a wrong file whole.
    private const long MaxBytes = 64 * 1024;

    public static string Read(string path)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                throw CommandException.BadInput($"credential file {path} is larger than {MaxBytes / 1024} KiB; it is not a credential.");
            }

            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CommandException.BadInput($"cannot read credential file {path}: {ex.Message}");
        }

        var token = text.StartsWith('{') ? FromJson(text, path) : text;
        if (token.Split('.').Length != 3 || token.Any(char.IsWhiteSpace))
        {
            throw CommandException.BadInput($"credential file {path} holds no compact JWS credential (header.payload.signature).");
        }

        return token;
    }

    private static string FromJson(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("credential", out var credential) && credential.ValueKind == JsonValueKind.String)
            {
                return credential.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Reported below with the file name.
        }

        throw CommandException.BadInput($"credential file {path} is JSON without a \"credential\" string member.");
    }
}
