namespace ExecGov.Credentials.LoadTest;

/// <summary>What one load run does; every loop is bounded by <see cref="Duration"/> and by the requests prepared.</summary>
internal sealed record LoadOptions
{
    /// <summary>How long each measured phase runs.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Unmeasured traffic before the first round (JIT, connection pool, status list fetched).</summary>
    public required TimeSpan Warmup { get; init; }

    /// <summary>Requests in flight at once, and connections (one request per connection at a time, HTTP/1.1).</summary>
    public required int Concurrency { get; init; }

    /// <summary>Distinct credentials the requests present in turn (each verified once, then from the verifier's cache).</summary>
    public required int Credentials { get; init; }

    /// <summary>Trivial-then-verify rounds; the machine is shared, so more than one shows the spread.</summary>
    public required int Rounds { get; init; }

    /// <summary>Fresh proofs prepared per verify phase: an upper bound on its requests.</summary>
    public required int Proofs { get; init; }

    /// <summary>Only the verify phases (to attach a profiler to them); no ratio is reported.</summary>
    public required bool VerifyOnly { get; init; }

    /// <summary>Whether the host logs decisions to the console at Information, as the endpoint's appsettings.json does.</summary>
    public required bool ConsoleLogging { get; init; }
}
