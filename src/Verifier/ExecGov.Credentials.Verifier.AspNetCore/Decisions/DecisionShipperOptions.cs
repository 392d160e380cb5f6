namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>Where and how decision records are shipped. Validated at start-up.</summary>
public sealed class DecisionShipperOptions
{
    /// <summary>The issuer's decision-record URL (https, or http on loopback only). Required; default none.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>This verifier's instance name, sent as <c>verifier</c> in each batch. Default: the machine name.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>Records held while the issuer is unreachable; beyond this new records are dropped (and counted). Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most records per POST. Default 100.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Longest a record waits for its batch to fill. Default 2 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per batch before it is dropped (and logged). Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubled per attempt up to <see cref="MaxBackoff"/>. Default 500 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest delay between retries. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
