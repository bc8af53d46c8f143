using System;
using System.IO;

namespace ProtocolGen.Tests;

/// <summary>The upstream captures in the repository's testdata/ folder, copied beside the test assembly.</summary>
internal static class TestData
{
    public static byte[] RustInfoCapture => Read("rust_info_test.bin");

    public static byte[] GoCommandCapture => Read("go_command_test.bin");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", name));
}
