using BenchmarkDotNet.Running;

// Runs the benchmarks: dotnet run -c Release --project tests/ToneLsp.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ToneLsp.Benchmarks.AnalysisBenchmarks).Assembly).Run(args);
