using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Streaming.Tests.Support;

/// <summary>A frame result with value equality, so that whole runs compare with one assertion.</summary>
internal sealed record FrameView(long Offset, long Length, Info? Packet, ProtocolError? Error)
{
    public static FrameView Of(FrameResult<Info> frame) => new(frame.Offset, frame.Length, frame.Packet, frame.Error);

    /// <summary>What decoding the whole stream at once makes of it: the reference every reader must match.</summary>
    public static List<FrameView> Reference(byte[] stream, FrameDecoderOptions options = default)
    {
        var frames = new List<FrameView>();
        foreach (var frame in FrameDecoder.Enumerate<Info>(stream, options))
        {
            frames.Add(Of(frame));
        }

        return frames;
    }

    public static List<FrameView> Of(IEnumerable<FrameResult<Info>> frames) => frames.Select(Of).ToList();
}
