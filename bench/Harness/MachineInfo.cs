using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>The machine a table was measured on: CPU model, cores, OS and .NET, as the README names it.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? "unknown CPU"}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
