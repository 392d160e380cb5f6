using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/ExecGov.Credentials.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ExecGov.Credentials.Benchmarks.VerificationBenchmarks).Assembly).Run(args);
