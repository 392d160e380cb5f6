using System.Globalization;
using BenchmarkDotNet.Running;
using ExecGov.Credentials.Benchmarks;

// Run: dotnet run -c Release --project bench/ExecGov.Credentials.Benchmarks -- --filter '*'
// Interleaved ratios for noisy machines: dotnet run -c Release --project bench/ExecGov.Credentials.Benchmarks -- paired [rounds] [operations per chunk]
// Replay memory when full: dotnet run -c Release --project bench/ExecGov.Credentials.Benchmarks -- replay-memory [proofs]
if (args is ["paired", ..])
{
    if (args.Length > 3 || !TryCount(args, 1, 40, out var rounds) || !TryCount(args, 2, 512, out var chunk))
    {
        Console.Error.WriteLine("usage: paired [rounds] [operations per chunk]  (whole numbers from 1 to 100000)");
        return 2;
    }

    PairedRatios.Run(rounds, chunk);
    return 0;
}

if (args is ["replay-memory", ..])
{
    if (args.Length > 2 || !TryCount(args, 1, 1_000_000, out var proofs, max: 10_000_000))
    {
        Console.Error.WriteLine("usage: replay-memory [proofs]  (a whole number from 1 to 10000000)");
        return 2;
    }

    ReplayMemory.Run(proofs);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(VerificationBenchmarks).Assembly).Run(args);
return 0;

// A positional count: absent means the default; anything else must be a whole number in range.
static bool TryCount(string[] args, int position, int fallback, out int value, int max = 100_000)
{
    value = fallback;
    return args.Length <= position ||
           (int.TryParse(args[position], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
}
