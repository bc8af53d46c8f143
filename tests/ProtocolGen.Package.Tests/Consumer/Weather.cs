using System.Collections.Immutable;
using ProtocolGen;

namespace Weather;

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Station;

public enum Unit : byte
{
    Celsius = 1,
    Fahrenheit = 2,
}

[Packet(1)]
public sealed partial record Reading(ushort Sensor, long Value, bool Valid, Unit Unit) : Station;

[Packet(2)]
public sealed partial record Note(Ipv4Address From, [LengthPrefix(PrefixWidth.U8)] string Title, [RestOfFrame] byte[] Body) : Station;

[Packet(3)]
public sealed partial record Batch(Unit Unit, [CountPrefix(PrefixWidth.U16)] ImmutableArray<Sample> Samples) : Station;

[WireStruct]
public readonly partial record struct Sample(uint Time, short Value);
