using System.Collections.Generic;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>Collecting decoded frames, for setup and verification only (never inside a timed loop).</summary>
public static class FrameResults
{
    /// <summary>The good frames' packets of type <typeparamref name="T"/>, in order.</summary>
    public static List<T> ToArrayOf<T>(this Info.FrameEnumerator frames)
        where T : Info
    {
        var packets = new List<T>();
        foreach (var frame in frames)
        {
            if (frame.Packet is T packet)
            {
                packets.Add(packet);
            }
        }

        return packets;
    }
}
