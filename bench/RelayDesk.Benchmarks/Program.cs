using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/RelayDesk.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
