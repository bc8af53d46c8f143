using ProtocolGen.Tests.Shared;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// An info stream a newer or broken driver could send: good frames between an unknown type, a frame with
/// bytes after its fields, a body too short for its fields, one whose payload length runs past its frame,
/// and a frame cut off by the end of the stream.
/// </summary>
internal static class HostileInfoStream
{
    /// <summary>Type 9, which no info packet has, with a 3-byte body.</summary>
    public static readonly byte[] UnknownTypeFrame = [9, 3, 0, 0, 0, 1, 2, 3];

    public static byte[] Bytes
    {
        get
        {
            var firstGood = TestData.GoodInfoFrames(1);
            return
            [
                .. firstGood,
                .. UnknownTypeFrame,
                .. ConnectionEndV4WithTrailingBytes,
                .. (byte[])[3, 2, 0, 0, 0, 0, 0],
                .. (byte[])[1, 36, 0, 0, 0, .. new byte[31], 0xFF, 0xFF, 0, 0, 0],
                .. firstGood,
                .. (byte[])[2, 60, 0, 0, 0, 1, 2, 3],
            ];
        }
    }

    /// <summary>A ConnectionEndV4 (22 bytes of fields) whose declared body is 25 bytes: 0xaa 0xbb 0xcc follow the fields.</summary>
    private static byte[] ConnectionEndV4WithTrailingBytes =>
    [
        3, 25, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 1, 6, 1, 2, 3, 4, 2, 3, 4, 5, 4, 0, 5, 0,
        0xAA, 0xBB, 0xCC,
    ];
}
