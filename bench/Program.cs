using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using ProtocolGen.Benchmarks.Streaming;

// Benchmarks: dotnet run -c Release --project bench -- --filter '*'
// Peak memory of one streaming run in its own process: dotnet run -c Release --project bench -- peak 10000000
if (args is ["peak", var count])
{
    return await PeakMemoryRun.RunAsync(int.Parse(count, CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
