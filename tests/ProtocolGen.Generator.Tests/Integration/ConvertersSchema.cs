using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Json;

namespace ProtocolGen.Generator.Tests.Integration;

// A schema of converted members ([WireConverter]), compiled by the generator as a user's project is.

[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Converted;

/// <summary>A 48-bit Ethernet address, written as tshark spells eth.dst.</summary>
public readonly record struct MacAddress(ulong Value)
{
    public override string ToString()
    {
        var value = Value;
        return string.Join(":", new[] { 40, 32, 24, 16, 8, 0 }.Select(shift => ((byte)(value >> shift)).ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static MacAddress Parse(string text) => new(ulong.Parse(text.Replace(":", string.Empty, StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}

/// <summary>Six bytes, most significant first; JSON is the colon-separated hex.</summary>
public sealed class MacAddressBytes : IWireBytesConverter<MacAddress>, IWireJsonConverter<MacAddress>
{
    public static int Size => 6;

    public static bool TryRead(ReadOnlySpan<byte> bytes, out MacAddress value)
    {
        ulong v = 0;
        foreach (var b in bytes)
        {
            v = v << 8 | b;
        }

        value = new MacAddress(v);
        return true;
    }

    public static void Write(MacAddress value, Span<byte> bytes)
    {
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(value.Value >> ((5 - i) * 8));
        }
    }

    public static void WriteJson(Utf8JsonWriter writer, MacAddress value) => writer.WriteStringValue(value.ToString());

    public static MacAddress ReadJson(JsonElement element) => MacAddress.Parse(element.GetString()!);
}

/// <summary>A port, never 0 on this wire.</summary>
public readonly record struct Port(ushort Number);

/// <summary>A port as its u16; 0 is refused both ways. No JSON form of its own: JSON holds the number (PG0044).</summary>
public sealed class PortConverter : IWireConverter<Port, ushort>
{
    public static bool TryFromWire(ushort wire, out Port value)
    {
        value = new Port(wire);
        return wire != 0;
    }

    public static ushort ToWire(Port value) => value.Number != 0 ? value.Number : throw new WireEncodeException("port", "is 0, which this wire does not carry.");
}

/// <summary>A temperature, carried in hundredths of a degree.</summary>
public readonly record struct Temperature(decimal Celsius);

public sealed class CentiDegrees : IWireConverter<Temperature, short>, IWireJsonConverter<Temperature>
{
    public static bool TryFromWire(short wire, out Temperature value)
    {
        value = new Temperature(wire / 100m);
        return true;
    }

    public static short ToWire(Temperature value) => (short)(value.Celsius * 100);

    public static void WriteJson(Utf8JsonWriter writer, Temperature value) => writer.WriteNumberValue(value.Celsius);

    public static Temperature ReadJson(JsonElement element) => new(element.GetDecimal());
}

// Two byte-converted addresses, a primitive-converted port and temperature between plain integers: one run of
// 19 bytes, one bounds check.
[Packet(1), BigEndian]
public sealed partial record Hop(
    [WireConverter(typeof(MacAddressBytes))] MacAddress Destination,
    [WireConverter(typeof(MacAddressBytes))] MacAddress Source,
    [WireConverter(typeof(PortConverter))] Port Port,
    [WireConverter(typeof(CentiDegrees))] Temperature Reading,
    byte Ttl,
    ushort Checksum) : Converted;
