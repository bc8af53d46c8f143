using System;

namespace ProtocolGen.Samples.Pcap;

/// <summary>The bytes are not a pcap file this sample reads; <see cref="Error"/> says why and where.</summary>
public sealed class PcapFormatException : Exception
{
    /// <summary>An exception carrying <paramref name="error"/>.</summary>
    public PcapFormatException(PcapError error)
        : base(error.Message) => Error = error;

    /// <summary>What was wrong, in which frame and layer, at which byte of the file.</summary>
    public PcapError Error { get; }
}
