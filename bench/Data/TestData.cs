using System;
using System.IO;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>Finds <c>testdata/</c>: beside the bench's binaries, or up the tree when BenchmarkDotNet runs a copy elsewhere.</summary>
internal static class TestData
{
    public static byte[] Read(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "testdata", name);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"testdata/{name} not found above {AppContext.BaseDirectory}", name);
    }
}
