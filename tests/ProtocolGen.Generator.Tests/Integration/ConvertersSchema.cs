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

public enum Switch { Off, On }

/// <summary>A switch as a boolean; no JSON form: JSON holds true or false.</summary>
public sealed class SwitchFlag : IWireConverter<Switch, bool>
{
    public static bool TryFromWire(bool wire, out Switch value)
    {
        value = wire ? Switch.On : Switch.Off;
        return true;
    }

    public static bool ToWire(Switch value) => value == Switch.On;
}

[ClosedEnum]
public enum Grade : byte { Low = 1, High = 2 }

/// <summary>A grade's name as text, carried as the closed enum; no JSON form: JSON holds the enum's name.</summary>
public sealed class GradeText : IWireConverter<string, Grade>
{
    public static bool TryFromWire(Grade wire, out string value)
    {
        value = wire.ToString().ToLowerInvariant();
        return true;
    }

    public static Grade ToWire(string value) => Enum.TryParse<Grade>(value, ignoreCase: true, out var grade) ? grade : (Grade)0;
}

/// <summary>Six bytes with no JSON form of their own: JSON holds them in hex. Refuses the broadcast address.</summary>
public sealed class UnicastBytes : IWireBytesConverter<MacAddress>
{
    private const int Six = 6;

    public static int Size => Six;

    public static bool TryRead(ReadOnlySpan<byte> bytes, out MacAddress value)
    {
        MacAddressBytes.TryRead(bytes, out value);
        return value.Value != 0xFFFF_FFFF_FFFF;
    }

    public static void Write(MacAddress value, Span<byte> bytes) => MacAddressBytes.Write(value, bytes);
}

// Converters to a boolean, a closed enum and bytes without JSON forms, one after padding, in a little-endian record.
[Packet(2)]
public sealed partial record Settings(
    [WireConverter(typeof(SwitchFlag))] Switch Power,
    [WireConverter(typeof(GradeText))] string Grade,
    [PadBefore(2), WireConverter(typeof(UnicastBytes))] MacAddress Gateway) : Converted;
