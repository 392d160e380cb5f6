using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Signing.Keys;

namespace ExecGov.Credentials.Cli.Keys;

/// <summary>
/// <c>execgov keys generate | list | rotate</c>: <c>generate</c> writes a local keyset file (for
/// <c>Issuer:KeySetPath</c>); <c>list</c> and <c>rotate</c> act on the running issuer's keys.
/// </summary>
internal static class KeysCommand
{
    public static Command Build()
    {
        var file = new Option<string>("--file", "-f")
        {
            Description = "The keyset file to create (mode 0600); point Issuer:KeySetPath at it. Refuses to overwrite.",
            HelpName = "path",
            Required = true,
        };
        var generate = new Command("generate", "Create a new keyset file (mode 0600) with one fresh Ed25519 signing key, for Issuer:KeySetPath.").With(file);
        generate.Handle((context, _) => Task.FromResult(Generate(context, context.Parse.GetRequiredValue(file))));

        var list = new Command("list", "List the issuer's credential signing keys: id, status, age, and until when a retired key stays published (role admin or auditor).");
        list.Handle((context, cancellationToken) => ShowAsync(context, HttpMethod.Get, "v1/keys", "Signing keys", cancellationToken));

        var rotate = new Command("rotate", "Make a fresh key active on the issuer; the old one retires and stays published until its credentials expire (role admin).");
        rotate.Handle((context, cancellationToken) => ShowAsync(context, HttpMethod.Post, "v1/keys/rotate", "Signing keys after rotation", cancellationToken));

        return new Command("keys", "Credential signing keys: a local keyset file, or the issuer's keys.").With(generate, list, rotate);
    }

    private static int Generate(CliContext context, string path)
    {
        SigningKeyInfo info;
        try
        {
            info = SigningKeySet.Generate(path, context.Time);
        }
        catch (KeySetException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, "keyset_refused", $"{OneSentence(ex.Message)} Choose another --file or remove the old one first.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, "file_unwritable", $"Cannot write the keyset file {path}: {ex.Message}");
        }

        context.Output.Result(
            new JsonObject
            {
                ["file"] = Path.GetFullPath(path),
                ["kid"] = info.KeyId,
                ["status"] = info.Status.ToString().ToLowerInvariant(),
                ["created_at"] = Times.Iso(info.CreatedAt),
            },
            () => context.Output.Line($"Created {path} (mode 0600) with signing key {info.KeyId}; set Issuer:KeySetPath={Path.GetFullPath(path)} to use it."));
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CliContext context, HttpMethod method, string path, string title, CancellationToken cancellationToken)
    {
        var response = await context.Admin().SendAsync(method, path, null, cancellationToken).ConfigureAwait(false);
        var now = context.Time.GetUtcNow();
        context.Output.Result(response.Body, () => context.Output.Table(
            title,
            ["kid", "status", "created", "age", "published", "verify until"],
            JsonRead.Items(response.Body).Select(k => (IReadOnlyList<string?>)
            [
                JsonRead.Str(k, "kid"),
                JsonRead.Str(k, "status"),
                Times.Show(k, "created_at"),
                Times.Read(k, "created_at") is { } created ? Durations.Format(now - created) : null,
                JsonRead.Bool(k, "published") == true ? "yes" : "no",
                Times.Show(k, "verify_until"),
            ])));
        return ExitCodes.Ok;
    }

    private static string OneSentence(string message) => message.EndsWith('.') ? message : message + ".";
}
