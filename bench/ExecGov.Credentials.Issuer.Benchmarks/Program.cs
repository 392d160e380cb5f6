using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/ExecGov.Credentials.Issuer.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ExecGov.Credentials.Issuer.Benchmarks.IssuanceBenchmarks).Assembly).Run(args);
