using ExecGov.Credentials.Issuer.Audit;

namespace ExecGov.Credentials.Issuer.Tests.SignIn;

public sealed class AnonymousFailureLimiterTests : IDisposable
{
    private readonly IssuerServices _services = new(options => options.AnonymousFailureWindow = TimeSpan.FromMinutes(1));

    private int Count(string kind) => _services.Store.Audit.Count(a => a.Kind == kind);

    [Fact]
    public void A_flood_of_failed_sign_ins_costs_one_record_per_window_and_the_count_is_kept()
    {
        for (var i = 0; i < 200; i++)
        {
            _services.Clients.AuthenticateWithSecret($"nobody-{i}", "wrong");
        }

        Assert.Equal(1, Count(AuditEventKinds.SignInFailed));
        Assert.Equal(0, Count(AuditEventKinds.FailuresSuppressed));

        // The next window's first failure is written, with the previous window's count before it.
        _services.Time.Advance(TimeSpan.FromMinutes(1));
        _services.Clients.AuthenticateWithSecret("nobody", "wrong");

        Assert.Equal(2, Count(AuditEventKinds.SignInFailed));
        var summary = Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.FailuresSuppressed));
        Assert.Contains("\"count\":199", summary.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_counted_at_shutdown_are_flushed_to_the_trail()
    {
        for (var i = 0; i < 5; i++)
        {
            _services.Clients.AuthenticateWithSecret("nobody", "wrong");
        }

        _services.Failures.Flush();

        var summary = Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.FailuresSuppressed));
        Assert.Contains("\"count\":4", summary.Details, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
