using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Signing.Crypto;
using System.Globalization;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Benchmarks;

/// <summary>Prints the compressed <c>lst</c> and whole-token sizes of a 1,000,000-entry list (deterministic, not a timing).</summary>
internal static class StatusListSizes
{
    public static void Print()
    {
        using var key = Ed25519SigningKey.Generate();
        Console.WriteLine("| non-valid entries | raw bytes | lst (base64url of ZLIB) | signed token |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var fraction in new[] { 0.0, 0.001, 0.01, 0.1 })
        {
            var list = StatusListFixture.Build(StatusListFixture.RevokedIndices(fraction));
            var lst = list.Encode();
            var token = StatusListTokenWriter.Sign(list, "https://issuer.example/status-lists/1", DateTimeOffset.UtcNow, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), key, version: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {fraction:P1} | {list.Bytes.Length:N0} | {lst.Length:N0} | {token.Length:N0} |"));
        }
    }
}
