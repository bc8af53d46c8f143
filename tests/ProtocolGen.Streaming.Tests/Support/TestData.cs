using System;
using System.IO;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>The upstream captures in the repository's testdata/ folder, copied beside the test assembly.</summary>
internal static class TestData
{
    public static byte[] RustInfoCapture => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "rust_info_test.bin"));
}
