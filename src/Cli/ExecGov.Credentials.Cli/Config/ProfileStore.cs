using System.Text.Json;
using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Cli.Config;

/// <summary>
/// Profiles live in one JSON file each, <c>{config folder}/profiles/{name}.json</c>, mode 0600 in a 0700 folder.
/// The config folder is <c>$EXECGOV_CONFIG_DIR</c>, else the per-user configuration folder
/// (<c>$XDG_CONFIG_HOME</c> or <c>~/.config</c> on Linux) followed by <c>execgov</c>.
/// </summary>
internal static partial class ProfileStore
{
    public const string DefaultProfile = "default";

    public static string ConfigDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(GlobalOptions.ConfigDirectoryVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }

            var root = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return Path.Combine(root, "execgov");
        }
    }

    public static string PathOf(string name) => Path.Combine(ConfigDirectory, "profiles", name + ".json");

    public static string CheckName(string? name)
    {
        var value = string.IsNullOrWhiteSpace(name) ? DefaultProfile : name;
        return NamePattern().IsMatch(value)
            ? value
            : throw new CliException(ExitCodes.Usage, "invalid_profile", $"--profile: '{value}' is not a profile name; use 1-64 letters, digits, '.', '_' or '-'.");
    }

    public static Profile? Load(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ProfileJsonContext.Default.Profile);
        }
        catch (JsonException)
        {
            throw new CliException(ExitCodes.InvalidInput, "profile_unreadable", $"The profile file {path} is not valid; delete it and run execgov login again.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, "profile_unreadable", $"Cannot read the profile file {path}: {ex.Message}");
        }
    }

    public static string Save(string name, Profile profile)
    {
        var path = PathOf(name);
        SecureFile.EnsureFolder(ConfigDirectory);
        SecureFile.Write(path, JsonSerializer.Serialize(profile, ProfileJsonContext.Default.Profile), overwrite: true);
        return path;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
