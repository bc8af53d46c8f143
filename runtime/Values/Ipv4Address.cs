using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ProtocolGen.Internal;
using ProtocolGen.Json;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>An IPv4 address as it travels on the wire: 4 bytes in network order, no allocation.</summary>
public readonly struct Ipv4Address : IWireStruct<Ipv4Address>, IWireJson<Ipv4Address>, IEquatable<Ipv4Address>, ISpanFormattable
{
    /// <summary>The address's size on the wire.</summary>
    public const int Size = 4;

    // The four bytes read big-endian, so the value orders and prints like the address.
    private readonly uint _value;

    /// <summary>The address <c>a.b.c.d</c>.</summary>
    public Ipv4Address(byte a, byte b, byte c, byte d) => _value = (uint)(a << 24 | b << 16 | c << 8 | d);

    /// <summary>The address whose network-order bytes are <paramref name="bytes"/> (exactly 4).</summary>
    public Ipv4Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An IPv4 address is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        }

        _value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    /// <summary>0.0.0.0.</summary>
    public static Ipv4Address Any => default;

    static int IWireStruct<Ipv4Address>.MinWireSize => Size;

    static bool IWireStruct<Ipv4Address>.IsFixedSize => true;

    int IWireWritable.WireSize => Size;

    /// <summary>Converts <paramref name="address"/>, which must be IPv4.</summary>
    public static Ipv4Address FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"'{address}' is not an IPv4 address.", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[Size];
        address.TryWriteBytes(bytes, out _);
        return new Ipv4Address(bytes);
    }

    /// <summary>Parses dotted-quad text such as <c>192.168.0.1</c>.</summary>
    public static Ipv4Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv4 address.");

    /// <summary>
    /// Parses dotted-quad text: exactly four decimal numbers from 0 to 255, without leading zeros. Unlike
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>, shorthand such as <c>1.2.3</c> or <c>0x7f.1</c> is
    /// refused, since it is almost always a typo, and so is <c>01.002.3.4</c>, which some parsers read as octal.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4Address address)
    {
        address = default;
        if (text is null)
        {
            return false;
        }

        uint value = 0;
        var rest = text.AsSpan();
        for (var part = 0; part < 4; part++)
        {
            // The first three numbers end at a dot; the last one ends the text.
            var end = rest.IndexOf('.');
            if ((end < 0) != (part == 3))
            {
                return false;
            }

            var digits = end < 0 ? rest : rest.Slice(0, end);
            if (digits.Length is 0 or > 3 || (digits.Length > 1 && digits[0] == '0') || !uint.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            rest = end < 0 ? default : rest.Slice(end + 1);
        }

        address = new Ipv4Address(value);
        return true;
    }

    static bool IWireStruct<Ipv4Address>.TryReadFrom(ref WireReader reader, out Ipv4Address value)
    {
        value = new Ipv4Address(reader.ReadUInt32BigEndian());
        return !reader.HasFailed;
    }

    void IWireWritable.WriteTo(ref WireWriter writer) => writer.WriteUInt32BigEndian(_value);

    void IWireWritable.WriteAfterSize(ref WireWriter writer) => writer.WriteUInt32BigEndian(_value);

    private Ipv4Address(uint value) => _value = value;

    /// <summary>The address as a number, its first byte the most significant (the pseudo-header sums its words).</summary>
    internal uint Value => _value;

    /// <summary>Reads the address from the first 4 bytes of <paramref name="source"/>: generated readers' fast path, small enough to inline.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static Ipv4Address ReadFixed(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt32BigEndian(source));

    /// <summary>Reads the address from its JSON form, a string of its text as <see cref="TryParse"/> takes it.</summary>
    /// <exception cref="WireJsonException">Not a string, not valid text, or not dotted-quad text.</exception>
    public static Ipv4Address ReadJson(JsonElement element) =>
        TryParse(WireJsonFields.ToText(element, string.Empty), out var address)
            ? address
            : throw new WireJsonException(string.Empty, $"expected dotted-quad IPv4 text, found {WireJsonFields.Describe(element)}");

    /// <summary>Writes the address as a JSON string of its text.</summary>
    public void WriteJson(Utf8JsonWriter writer) => WireJsonFields.WriteText(writer, this);

    /// <summary>Writes the 4 network-order bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, _value);

    /// <summary>The 4 network-order bytes.</summary>
    public byte[] GetBytes()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The same address as an <see cref="IPAddress"/>.</summary>
    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return new IPAddress(bytes);
    }

    /// <inheritdoc/>
    public bool Equals(Ipv4Address other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ipv4Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)_value;

    /// <summary>Dotted-quad text, such as <c>1.2.3.4</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> text = stackalloc char[15];
        TryFormat(text, out var written, default, null);
        return new string(text.Slice(0, written));
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(System.Globalization.CultureInfo.InvariantCulture, $"{_value >> 24}.{(_value >> 16) & 0xFF}.{(_value >> 8) & 0xFF}.{_value & 0xFF}", out charsWritten);

    /// <summary>Whether two addresses are the same.</summary>
    public static bool operator ==(Ipv4Address left, Ipv4Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    public static bool operator !=(Ipv4Address left, Ipv4Address right) => !left.Equals(right);

    /// <summary>Converts an IPv4 <see cref="IPAddress"/>.</summary>
    public static explicit operator Ipv4Address(IPAddress address) => FromIPAddress(address);

    /// <summary>Converts to an <see cref="IPAddress"/>.</summary>
    public static implicit operator IPAddress(Ipv4Address address) => address.ToIPAddress();
}
