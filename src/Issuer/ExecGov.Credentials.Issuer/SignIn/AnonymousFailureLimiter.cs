using System.Text.Json;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>
/// Audits failures that anyone can cause without credentials (failed admin sign-ins, failed agent
/// assertions) at a bounded rate: per kind, the first failure of each window
/// (<see cref="IssuerOptions.AnonymousFailureWindow"/>) is written in full and the rest are only counted; the
/// count is written as one <c>failures_suppressed</c> record when the next window opens, or at shutdown. So a
/// flood of bad requests costs at most two durable writes per kind and window, and the trail still says how many
/// there were.
/// </summary>
internal sealed class AnonymousFailureLimiter(IExecGovStore store, AuditLog audit, TimeProvider time, IOptions<IssuerOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Records one failure of <paramref name="kind"/>; durably only when it opens a window.</summary>
    public void Record(string kind, string details, string actor = "anonymous", string? agentId = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var now = time.GetUtcNow();
        Window? closed;
        lock (_gate)
        {
            if (_windows.TryGetValue(kind, out var open) && now - open.Start < options.Value.AnonymousFailureWindow)
            {
                open.Suppressed++;
                return;
            }

            closed = open;
            _windows[kind] = new Window(now);
        }

        store.Write<bool>(() =>
        {
            AppendSummary(kind, closed, now);
            audit.Append(new AuditEntry(kind, actor, agentId, Details: details));
            return true;
        });
    }

    /// <summary>Writes the counts of failures not yet written (at shutdown).</summary>
    public void Flush()
    {
        List<(string Kind, Window Window)> open;
        lock (_gate)
        {
            open = _windows.Where(w => w.Value.Suppressed > 0).Select(w => (w.Key, w.Value)).ToList();
            _windows.Clear();
        }

        if (open.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        store.Write<bool>(() =>
        {
            foreach (var (kind, window) in open)
            {
                AppendSummary(kind, window, now);
            }

            return true;
        });
    }

    private void AppendSummary(string kind, Window? window, DateTimeOffset end)
    {
        if (window is not { Suppressed: > 0 })
        {
            return;
        }

        audit.Append(new AuditEntry(AuditEventKinds.FailuresSuppressed, "issuer",
            Details: JsonSerializer.Serialize(new FailuresSuppressedDetails(kind, window.Suppressed, window.Start, end), IssuerJsonContext.Default.FailuresSuppressedDetails)));
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public long Suppressed { get; set; }
    }
}
