using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ExecGov.Samples.Hosting;

/// <summary>
/// <c>DecisionShipping:SecretFile</c>: the file <c>execgov admins create --role verifier --secret-out</c> wrote
/// (<c>{"client_id", "client_secret", …}</c>, mode 0600, kept in the git-ignored data folder), so a sample ships its
/// decisions without a secret on the command line or in the environment. An explicit
/// <c>DecisionShipping:ClientId</c> or <c>ClientSecret</c> wins over the file.
/// </summary>
internal static class DecisionShippingSecretFile
{
    public const string Key = "SecretFile";

    /// <summary>Fills <c>ClientId</c> and <c>ClientSecret</c> of <paramref name="shipping"/> from its secret file, when one is named.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, readable by others, or not such a file: the sample does not start.</exception>
    public static void Apply(IConfigurationSection shipping)
    {
        if (shipping[Key] is not { Length: > 0 } path)
        {
            return;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"DecisionShipping:SecretFile {path} does not exist; create it with execgov admins create --role verifier --secret-out {path}.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            throw new InvalidOperationException($"DecisionShipping:SecretFile {path} is readable by others; chmod 600 it.");
        }

        string? clientId;
        string? secret;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            clientId = Member(document.RootElement, "client_id");
            secret = Member(document.RootElement, "client_secret");
        }
        catch (JsonException)
        {
            clientId = secret = null;
        }

        if (clientId is null || secret is null)
        {
            throw new InvalidOperationException($"DecisionShipping:SecretFile {path} is not a JSON object with client_id and client_secret (as execgov admins create --secret-out writes).");
        }

        if (string.IsNullOrEmpty(shipping["ClientId"]))
        {
            shipping["ClientId"] = clientId;
        }

        if (string.IsNullOrEmpty(shipping["ClientSecret"]))
        {
            shipping["ClientSecret"] = secret;
        }
    }

    private static string? Member(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
