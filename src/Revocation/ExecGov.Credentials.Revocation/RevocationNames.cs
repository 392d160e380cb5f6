using System.Diagnostics.CodeAnalysis;

namespace ExecGov.Credentials.Revocation;

/// <summary>
/// The wire names of scopes and actions (docs/revocation.md §1), the same in the admin API, the store and
/// the logs: <c>credential</c>, <c>session</c>, <c>agent</c>, <c>authoriser</c>, <c>signing_key</c>, <c>holder_key</c>;
/// <c>revoke</c>, <c>suspend</c>, <c>unsuspend</c>.
/// </summary>
public static class RevocationNames
{
    /// <summary>The wire name of <paramref name="scope"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined scope.</exception>
    public static string ToWire(RevocationScope scope) => scope switch
    {
        RevocationScope.Credential => "credential",
        RevocationScope.Session => "session",
        RevocationScope.Agent => "agent",
        RevocationScope.Authoriser => "authoriser",
        RevocationScope.SigningKey => "signing_key",
        RevocationScope.HolderKey => "holder_key",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a revocation scope."),
    };

    /// <summary>The wire name of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined action.</exception>
    public static string ToWire(RevocationAction action) => action switch
    {
        RevocationAction.Revoke => "revoke",
        RevocationAction.Suspend => "suspend",
        RevocationAction.Unsuspend => "unsuspend",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a revocation action."),
    };

    /// <summary>Parses a scope's wire name (exact, lower case); false for anything else.</summary>
    public static bool TryParseScope([NotNullWhen(true)] string? text, out RevocationScope scope)
    {
        (var ok, scope) = text switch
        {
            "credential" => (true, RevocationScope.Credential),
            "session" => (true, RevocationScope.Session),
            "agent" => (true, RevocationScope.Agent),
            "authoriser" => (true, RevocationScope.Authoriser),
            "signing_key" => (true, RevocationScope.SigningKey),
            "holder_key" => (true, RevocationScope.HolderKey),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Parses an action's wire name (exact, lower case); false for anything else.</summary>
    public static bool TryParseAction([NotNullWhen(true)] string? text, out RevocationAction action)
    {
        (var ok, action) = text switch
        {
            "revoke" => (true, RevocationAction.Revoke),
            "suspend" => (true, RevocationAction.Suspend),
            "unsuspend" => (true, RevocationAction.Unsuspend),
            _ => (false, default),
        };
        return ok;
    }
}
