namespace ExecGov.Credentials.Propagation;

/// <summary>What one run measures: how many revocations, the poll-mode ttl, and how many are measured at once.</summary>
internal sealed record BenchSettings(int Count, int TimeToLiveSeconds, int PushConcurrency, int PollConcurrency)
{
    public void Validate()
    {
        if (Count < 1 || TimeToLiveSeconds < 1 || PushConcurrency < 1 || PollConcurrency < 1)
        {
            throw new ArgumentException("--count, --ttl and the concurrency options must be positive.");
        }
    }
}
