using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Scopes;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// Decides whether requested authorization details lie within an agent's ceiling: every requested detail
/// must fit inside one ceiling detail, which means a subset of its actions, resources and locations, and
/// constraints no looser than the ceiling's. Anything the check does not understand is refused. What a pattern
/// covers is <see cref="ScopeMatcher"/>'s rule, the same the verifier matches requests with.
/// </summary>
internal static class ScopeCeiling
{
    /// <summary>Null when every requested detail fits; otherwise why the first one that does not fit fails.</summary>
    public static string? FindViolation(IReadOnlyList<AuthorizationDetail> ceiling, IReadOnlyList<AuthorizationDetail> requested)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        ArgumentNullException.ThrowIfNull(requested);
        if (ceiling.Count == 0)
        {
            return "the agent's ceiling is empty";
        }

        for (var i = 0; i < requested.Count; i++)
        {
            string? firstReason = null;
            foreach (var limit in ceiling)
            {
                var reason = Fits(limit, requested[i]);
                if (reason is null)
                {
                    firstReason = null;
                    break;
                }

                firstReason ??= reason;
            }

            if (firstReason is not null)
            {
                return $"authorization_details[{i}]: {firstReason}";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="wanted"/> fits inside <paramref name="limit"/>.</summary>
    internal static string? Fits(AuthorizationDetail limit, AuthorizationDetail wanted)
    {
        if (!string.Equals(limit.Type, wanted.Type, StringComparison.Ordinal))
        {
            return $"type '{wanted.Type}' is not in the ceiling";
        }

        foreach (var action in wanted.Actions)
        {
            if (!limit.Actions.Any(allowed => ScopeMatcher.ActionCovers(allowed, action)))
            {
                return $"action '{action}' is not in the ceiling";
            }
        }

        if (limit.Locations is { Count: > 0 } locations)
        {
            if (wanted.Locations is not { Count: > 0 })
            {
                return "the ceiling limits locations, so the request must name them";
            }

            var outside = wanted.Locations.FirstOrDefault(l => !locations.Contains(l, StringComparer.Ordinal));
            if (outside is not null)
            {
                return $"location '{outside}' is not in the ceiling";
            }
        }

        if (limit.Resources is { Count: > 0 } resources)
        {
            if (wanted.Resources is not { Count: > 0 })
            {
                return "the ceiling limits resources, so the request must name them";
            }

            var outside = wanted.Resources.FirstOrDefault(r => !resources.Any(allowed => ScopeMatcher.ResourceCovers(allowed, r)));
            if (outside is not null)
            {
                return $"resource '{outside}' is not in the ceiling";
            }
        }

        return ConstraintsFit(limit.Constraints, wanted.Constraints);
    }

    private static string? ConstraintsFit(ActionConstraints? limit, ActionConstraints? wanted)
    {
        if (limit is null)
        {
            return null;
        }

        if (limit.MaxAmount is { } maxAmount && (wanted?.MaxAmount is not { } amount || amount > maxAmount))
        {
            return $"constraints.max_amount must be set and at most {maxAmount}";
        }

        if (limit.Currency is { } currency && !string.Equals(wanted?.Currency, currency, StringComparison.Ordinal))
        {
            return $"constraints.currency must be '{currency}'";
        }

        if (limit.Destinations is { } destinations)
        {
            if (wanted?.Destinations is not { Count: > 0 } wantedDestinations)
            {
                return "constraints.destinations must be set and within the ceiling's";
            }

            var outside = wantedDestinations.FirstOrDefault(d => !destinations.Contains(d, StringComparer.Ordinal));
            if (outside is not null)
            {
                return $"destination '{outside}' is not in the ceiling";
            }
        }

        if (limit.TimeWindow is { } window && (wanted?.TimeWindow is not { } wantedWindow || !window.Covers(wantedWindow)))
        {
            return "constraints.time_window must be set and within the ceiling's window";
        }

        return null;
    }
}
