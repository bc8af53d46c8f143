using System;
using System.IO;

namespace ProtocolGen.Cli.Tests;

/// <summary>The upstream captures in the repository's testdata/ folder, copied beside the test assembly.</summary>
internal static class TestData
{
    public const int RustInfoFirstFrameLength = 5 + 69;

    public static string RustInfoPath => PathOf("rust_info_test.bin");

    public static string GoCommandPath => PathOf("go_command_test.bin");

    public static byte[] RustInfoCapture => File.ReadAllBytes(RustInfoPath);

    public static byte[] GoCommandCapture => File.ReadAllBytes(GoCommandPath);

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);
}
