using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Keys;

namespace ExecGov.Credentials.Cli.Keys;

/// <summary><c>execgov keys generate | list | rotate</c>: the issuer's signing keyset file.</summary>
internal static class KeysCommand
{
    public const string DefaultFile = "data/keys/keyset.json";

    public static Command Build(TextWriter stdout)
    {
        var file = new Option<string>("--file", "-f")
        {
            Description = $"The keyset file (default {DefaultFile}, the issuer's default location).",
            DefaultValueFactory = _ => DefaultFile,
        };

        var generate = new Command("generate", "Create a new keyset file (mode 0600) with one fresh Ed25519 signing key. Refuses to overwrite.") { file };
        generate.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var info = Run(() => SigningKeySet.Generate(path, TimeProvider.System));
            Output(parse, stdout).Message(
                $"Created {path} with signing key {info.KeyId}.",
                new JsonObject { ["file"] = path, ["key"] = ToJson(info) });
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the keys of a keyset file: id, status, age and until when a retired key stays published.") { file };
        list.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            using var set = Run(() => SigningKeySet.Load(path, allowDevelopmentKeys: true));
            var now = DateTimeOffset.UtcNow;
            Output(parse, stdout).Table(
                $"Signing keys in {path}",
                ["kid", "status", "created", "age", "retired", "published until"],
                set.Keys.Select(k => (IReadOnlyList<string?>)
                [
                    k.KeyId, k.Status.ToString().ToLowerInvariant(), Iso(k.CreatedAt), Age(now - k.CreatedAt), Iso(k.RetiredAt),
                    k.Status == SigningKeyStatus.Active ? "(active)" : Iso(k.VerifyUntil),
                ]),
                new JsonObject { ["file"] = path, ["keys"] = new JsonArray(set.Keys.Select(k => (JsonNode)ToJson(k)).ToArray()) });
            return ExitCodes.Ok;
        });

        var retain = new Option<string>("--retain")
        {
            Description = "How long the retired key stays published: at least the longest credential lifetime the issuer allows (default 60m).",
            DefaultValueFactory = _ => "60m",
        };
        var rotate = new Command("rotate", "Make a fresh key active; the old one keeps verifying until --retain has passed. Restart or reload the issuer afterwards.") { file, retain };
        rotate.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var keep = Durations.Parse(parse.GetRequiredValue(retain));
            var info = Run(() => SigningKeySet.Rotate(path, keep, TimeProvider.System));
            Output(parse, stdout).Message(
                $"Rotated {path}: {info.KeyId} now signs; the previous key stays published for {keep}.",
                new JsonObject { ["file"] = path, ["active"] = ToJson(info), ["retain_seconds"] = (long)keep.TotalSeconds });
            return ExitCodes.Ok;
        });

        return new Command("keys", "Manage the issuer's signing keyset file.") { generate, list, rotate };
    }

    internal static CliOutput Output(ParseResult parse, TextWriter stdout) => new(parse.GetValue(GlobalOptions.Json), stdout);

    private static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (KeySetException ex)
        {
            throw new CliException(ex.Message.Contains("does not exist", StringComparison.Ordinal) ? ExitCodes.NotFound : ExitCodes.InvalidInput, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot use the keyset file: {ex.Message}");
        }
    }

    private static JsonObject ToJson(SigningKeyInfo key) => new()
    {
        ["kid"] = key.KeyId,
        ["status"] = key.Status.ToString().ToLowerInvariant(),
        ["created_at"] = Iso(key.CreatedAt),
        ["retired_at"] = Iso(key.RetiredAt),
        ["verify_until"] = Iso(key.VerifyUntil),
    };

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays}d" : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h" : $"{Math.Max(0, (int)age.TotalMinutes)}m";
}
