using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Issuer.Policy;

/// <summary>
/// Decides whether requested authorization details lie within an agent's ceiling: every requested detail
/// must fit inside one ceiling detail, which means a subset of its actions, resources and locations, and
/// constraints no looser than the ceiling's. Anything the check does not understand is refused.
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
            if (!limit.Actions.Any(allowed => ActionCovers(allowed, action)))
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

            var outside = wanted.Resources.FirstOrDefault(r => !resources.Any(allowed => ResourceCovers(allowed, r)));
            if (outside is not null)
            {
                return $"resource '{outside}' is not in the ceiling";
            }
        }

        return ConstraintsFit(limit.Constraints, wanted.Constraints);
    }

    /// <summary>An action pattern covers an action or a narrower pattern: exact, <c>*</c>, or a <c>family.*</c> prefix.</summary>
    internal static bool ActionCovers(string allowed, string action)
    {
        if (string.Equals(allowed, "*", StringComparison.Ordinal) || string.Equals(allowed, action, StringComparison.Ordinal))
        {
            return true;
        }

        // "payments.*" covers "payments.release" and "payments.refunds.*", never "paymentsx.release" or "*".
        return allowed.EndsWith(".*", StringComparison.Ordinal) &&
            action.Length > allowed.Length - 1 &&
            action.StartsWith(allowed[..^1], StringComparison.Ordinal);
    }

    /// <summary>A resource pattern covers a resource or a narrower prefix pattern: exact, or <c>prefix*</c>.</summary>
    internal static bool ResourceCovers(string allowed, string resource)
    {
        if (string.Equals(allowed, resource, StringComparison.Ordinal))
        {
            return true;
        }

        return allowed.EndsWith('*') && resource.StartsWith(allowed[..^1], StringComparison.Ordinal);
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

        if (limit.TimeWindow is { } window && (wanted?.TimeWindow is not { } wantedWindow || !WindowWithin(window, wantedWindow)))
        {
            return "constraints.time_window must be set and within the ceiling's window";
        }

        return null;
    }

    private static bool WindowWithin(TimeWindow outer, TimeWindow inner)
    {
        // Compare as exact time ranges (ticks, so to the second and below) on a 48-hour line so windows that
        // wrap past midnight work too: 09:00:30 must not pass as within a window opening at 09:00:45.
        const long Day = TimeSpan.TicksPerDay;
        static (long Start, long End) Span(TimeWindow w)
        {
            var start = w.Start.Ticks;
            var end = w.End.Ticks;
            return (start, end <= start ? end + Day : end);
        }

        var (outerStart, outerEnd) = Span(outer);
        var (innerStart, innerEnd) = Span(inner);
        return (innerStart >= outerStart && innerEnd <= outerEnd) ||
            (innerStart + Day >= outerStart && innerEnd + Day <= outerEnd);
    }
}
