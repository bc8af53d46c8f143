using System;
using System.Globalization;
using System.Text.Json;
using ProtocolGen.Json;

namespace ProtocolGen.Samples.Pcap;

/// <summary>A 48-bit Ethernet address, written as tshark spells <c>eth.dst</c>: six colon-separated hex bytes.</summary>
public readonly record struct MacAddress(ulong Value)
{
    /// <summary>The address as it is sent: six bytes, most significant first.</summary>
    public byte[] GetBytes()
    {
        var bytes = new byte[MacAddressBytes.Size];
        MacAddressBytes.Write(this, bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(":", Array.ConvertAll(GetBytes(), b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>Reads six colon-separated hex bytes (<c>00:1b:21:0a:0b:0c</c>).</summary>
    /// <exception cref="FormatException">Not six hex bytes.</exception>
    public static MacAddress Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != MacAddressBytes.Size)
        {
            throw new FormatException($"'{text}' is not six colon-separated hex bytes.");
        }

        ulong value = 0;
        foreach (var part in parts)
        {
            value = value << 8 | byte.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return new MacAddress(value);
    }
}

/// <summary>
/// The wire form of a <see cref="MacAddress"/> (<c>[WireConverter(typeof(MacAddressBytes))]</c>): six bytes in
/// network order, and in JSON the colon-separated text. Every six bytes are an address, so nothing is refused.
/// </summary>
public sealed class MacAddressBytes : IWireBytesConverter<MacAddress>, IWireJsonConverter<MacAddress>
{
    /// <summary>An Ethernet address is six bytes.</summary>
    public static int Size => 6;

    /// <inheritdoc/>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out MacAddress value)
    {
        ulong v = 0;
        foreach (var b in bytes[..Size])
        {
            v = v << 8 | b;
        }

        value = new MacAddress(v);
        return true;
    }

    /// <inheritdoc/>
    public static void Write(MacAddress value, Span<byte> bytes)
    {
        for (var i = 0; i < Size; i++)
        {
            bytes[i] = (byte)(value.Value >> ((Size - 1 - i) * 8));
        }
    }

    /// <inheritdoc/>
    public static void WriteJson(Utf8JsonWriter writer, MacAddress value) => writer.WriteStringValue(value.ToString());

    /// <inheritdoc/>
    public static MacAddress ReadJson(JsonElement element) => MacAddress.Parse(element.GetString() ?? string.Empty);
}
