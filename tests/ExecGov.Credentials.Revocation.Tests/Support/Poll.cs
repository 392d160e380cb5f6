namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>Polls a condition with a deadline (never a fixed sleep).</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold before the deadline.");
            }

            await Task.Delay(10);
        }
    }
}
