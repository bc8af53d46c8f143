namespace ProtocolGen.Samples.Pcap;

/// <summary>
/// A captured Ethernet frame's header: an <see cref="EthernetFrame"/>, read whole, or a <see cref="CutEthernetFrame"/>,
/// which the capture's snap length cut short.
/// </summary>
public interface IEthernetFrame : IWireWritable
{
    /// <summary>Where the frame goes.</summary>
    MacAddress Destination { get; }

    /// <summary>Where the frame comes from.</summary>
    MacAddress Source { get; }

    /// <summary>What the frame carries.</summary>
    EtherType Type { get; }
}
