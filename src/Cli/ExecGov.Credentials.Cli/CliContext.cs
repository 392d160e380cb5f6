using System.CommandLine;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;

namespace ExecGov.Credentials.Cli;

/// <summary>
/// What every command needs from the command line and the environment: the output mode, the profile, the
/// issuer's base URL (option, then environment, then profile, then the default), and a signed-in client.
/// </summary>
internal sealed class CliContext
{
    private Profile? _profile;
    private bool _profileLoaded;

    public CliContext(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(parse);
        Parse = parse;
        Output = new CliOutput(parse.GetValue(GlobalOptions.Json), stdout, stderr);
        ProfileName = ProfileStore.CheckName(parse.GetValue(GlobalOptions.Profile) ?? Environment.GetEnvironmentVariable(GlobalOptions.ProfileVariable));
        IssuerOption = parse.GetValue(GlobalOptions.Issuer) ?? NullIfBlank(Environment.GetEnvironmentVariable(GlobalOptions.IssuerVariable));
    }

    public ParseResult Parse { get; }

    public CliOutput Output { get; }

    public string ProfileName { get; }

    /// <summary>The issuer URL from <c>--issuer</c> or <c>$EXECGOV_ISSUER</c>, if either was given.</summary>
    public string? IssuerOption { get; }

    public TimeProvider Time { get; } = TimeProvider.System;

    public Profile? Profile
    {
        get
        {
            if (!_profileLoaded)
            {
                _profile = ProfileStore.Load(ProfileName);
                _profileLoaded = true;
            }

            return _profile;
        }
    }

    /// <summary>The issuer's base URL, with a trailing slash.</summary>
    public Uri IssuerUri => ParseBaseUrl(IssuerOption ?? Profile?.Issuer ?? GlobalOptions.DefaultIssuer, "--issuer");

    /// <summary>Anonymous access to the issuer (public documents, agent API).</summary>
    public ServiceClient Issuer() => new("issuer", IssuerUri, ServiceError.StartIssuerHint);

    /// <summary>Access to the admin API with the cached token; refuses at once when not signed in or the token expired.</summary>
    public ServiceClient Admin()
    {
        var issuer = IssuerUri;
        var profile = Profile;
        var shown = Display(issuer);
        if (profile?.AccessToken is null)
        {
            throw new CliException(ExitCodes.Unauthorized, "not_signed_in",
                $"Not signed in to {shown} (profile '{ProfileName}'); run execgov login --issuer {shown} --client-id <id> --secret-file <path>.");
        }

        if (!string.Equals(Display(ParseBaseUrl(profile.Issuer, "profile issuer")), shown, StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.Unauthorized, "not_signed_in",
                $"Profile '{ProfileName}' is signed in to {profile.Issuer}, not {shown}; run execgov login --issuer {shown}, or use --profile.");
        }

        if (profile.ExpiresAt is { } expires && expires <= Time.GetUtcNow())
        {
            throw new CliException(ExitCodes.Unauthorized, "token_expired",
                $"Your admin token for {shown} expired at {Times.Iso(expires)}; run execgov login.");
        }

        return new ServiceClient("issuer", issuer, ServiceError.StartIssuerHint, profile.AccessToken);
    }

    /// <summary>Parses a service base URL: absolute http(s), no query or fragment; returned with a trailing slash.</summary>
    public static Uri ParseBaseUrl(string text, string option)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) ||
            !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new CliException(ExitCodes.InvalidInput, "invalid_url",
                $"{option}: '{text}' is not an http(s) base URL; write it like {GlobalOptions.DefaultIssuer}.");
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + path);
    }

    /// <summary>A base URL as people write it: without the trailing slash.</summary>
    public static string Display(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var text = baseUri.AbsoluteUri;
        return text.EndsWith('/') ? text[..^1] : text;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
