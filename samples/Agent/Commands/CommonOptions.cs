using System.CommandLine;
using System.Text.Json;

namespace ExecGov.Samples.Agent.Commands;

/// <summary>Options several commands share, and the checks on their values.</summary>
internal static class CommonOptions
{
    public static Option<string> Key() => new("--key") { Description = "The agent's key file (a private JWK, mode 0600).", Required = true };

    public static Option<string> CredentialFile() => new("--credential-file")
    {
        Description = "A file holding the credential: the token alone, or the issuer's JSON answer with a \"credential\" member.",
        Required = true,
    };

    public static Option<string> Url(string description) => new("--url") { Description = description, Required = true };

    public static Option<string?> Json() => new("--json") { Description = "A JSON body to send (Content-Type: application/json)." };

    /// <summary>An absolute http(s) URL, or bad input.</summary>
    public static Uri ParseUrl(string text, string option)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw CommandException.BadInput($"{option} must be an absolute http or https URL, not '{text}'.");
        }

        return url;
    }

    /// <summary>The text, once it is known to be JSON (so a typo fails here, not as a confusing answer from the target).</summary>
    public static string? CheckJson(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException ex)
        {
            throw CommandException.BadInput($"{option} is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>An HTTP method token such as GET or POST.</summary>
    public static HttpMethod ParseMethod(string text)
    {
        if (text.Length is 0 or > 16 || !text.All(char.IsAsciiLetterUpper))
        {
            throw CommandException.BadInput($"--method must be an HTTP method in capitals such as GET or POST, not '{text}'.");
        }

        return new HttpMethod(text);
    }
}
