using BenchmarkDotNet.Running;
using ExecGov.Credentials.Revocation.Benchmarks;

// Timings: dotnet run -c Release --project bench/ExecGov.Credentials.Revocation.Benchmarks -- --filter '*' --job short
// Sizes:   dotnet run -c Release --project bench/ExecGov.Credentials.Revocation.Benchmarks -- sizes
if (args is ["sizes"])
{
    StatusListSizes.Print();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StatusListBenchmarks).Assembly).Run(args);
