using System.Globalization;
using BenchmarkDotNet.Running;
using ExecGov.Credentials.Benchmarks;

// Run: dotnet run -c Release --project bench/ExecGov.Credentials.Benchmarks -- --filter '*'
// Interleaved ratios for noisy machines: dotnet run -c Release --project bench/ExecGov.Credentials.Benchmarks -- paired [rounds] [operations per chunk]
if (args is ["paired", ..])
{
    PairedRatios.Run(
        rounds: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40,
        chunk: args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 512);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(VerificationBenchmarks).Assembly).Run(args);
