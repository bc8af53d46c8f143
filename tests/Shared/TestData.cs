using System;
using System.IO;

namespace ProtocolGen.Tests.Shared;

/// <summary>
/// The upstream captures in the repository's testdata/ folder, which each test project that reads them copies
/// beside its assembly (a <c>Content</c> item with <c>LinkBase="testdata"</c>). One source file, linked into
/// those projects.
/// </summary>
internal static class TestData
{
    /// <summary>The length of the info capture's first frame, the bad one: its header and its declared 69-byte body.</summary>
    public const int RustInfoFirstFrameLength = 5 + 69;

    public static string RustInfoPath => PathOf("rust_info_test.bin");

    public static string GoCommandPath => PathOf("go_command_test.bin");

    public static byte[] RustInfoCapture => File.ReadAllBytes(RustInfoPath);

    public static byte[] GoCommandCapture => File.ReadAllBytes(GoCommandPath);

    /// <summary>The bytes of the file <paramref name="name"/> in testdata/.</summary>
    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The first <paramref name="count"/> good frames of the info capture (the frames after its bad first one).</summary>
    public static byte[] GoodInfoFrames(int count)
    {
        var frames = RustInfoCapture.AsSpan(RustInfoFirstFrameLength);
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length += 5 + BitConverter.ToInt32(frames[(length + 1)..(length + 5)]);
        }

        return frames[..length].ToArray();
    }

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);
}
