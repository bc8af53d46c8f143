using MemoryPack;

namespace ProtocolGen.Benchmarks.Codec;

// The same data as the Portmaster packets, in MemoryPack's own format: the baseline the codec
// benchmarks compare against. MemoryPack writes its own layout, so only speed is comparable, not bytes.

[MemoryPackable]
public sealed partial record MpConnectionV4(
    ulong Id, ulong ProcessId, byte Direction, byte Protocol, uint LocalIp, uint RemoteIp,
    ushort LocalPort, ushort RemotePort, byte PayloadLayer, byte[] Payload);

[MemoryPackable]
public readonly partial record struct MpBandwidthValueV4(
    uint LocalIp, ushort LocalPort, uint RemoteIp, ushort RemotePort, ulong TransmittedBytes, ulong ReceivedBytes);

[MemoryPackable]
public sealed partial record MpBandwidthStatsV4(byte Protocol, MpBandwidthValueV4[] Values);
