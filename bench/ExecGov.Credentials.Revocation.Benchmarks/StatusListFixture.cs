using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Benchmarks;

/// <summary>A 1,000,000-entry list with a given share of revoked and suspended entries at fixed random positions.</summary>
internal static class StatusListFixture
{
    public const int Entries = 1_000_000;

    public static int[] RevokedIndices(double fraction)
    {
        var random = new Random(20_261_122);
        return Enumerable.Range(0, (int)(Entries * fraction)).Select(_ => random.Next(Entries)).ToArray();
    }

    public static StatusList Build(int[] revoked)
    {
        var list = new StatusList(Entries, 2);
        for (var i = 0; i < revoked.Length; i++)
        {
            // One in ten is a suspension, the rest revocations: both values occur, as in production.
            list.Set(revoked[i], i % 10 == 0 ? StatusValue.Suspended : StatusValue.Invalid);
        }

        return list;
    }
}
