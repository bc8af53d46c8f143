using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>An IPv6 address as it travels on the wire: 16 bytes in network order, no allocation.</summary>
public readonly struct Ipv6Address : IWireStruct<Ipv6Address>, IEquatable<Ipv6Address>, ISpanFormattable
{
    /// <summary>The address's size on the wire.</summary>
    public const int Size = 16;

    // The sixteen bytes as two big-endian halves.
    private readonly ulong _high;
    private readonly ulong _low;

    /// <summary>The address whose network-order bytes are <paramref name="bytes"/> (exactly 16).</summary>
    public Ipv6Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An IPv6 address is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        }

        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(8));
    }

    private Ipv6Address(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    /// <summary>Reads the address from the first 16 bytes of <paramref name="source"/>: generated readers' fast path, small enough to inline.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static Ipv6Address ReadFixed(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source.Slice(8)));

    /// <summary>The unspecified address, <c>::</c>.</summary>
    public static Ipv6Address Any => default;

    static int IWireStruct<Ipv6Address>.MinWireSize => Size;

    static bool IWireStruct<Ipv6Address>.IsFixedSize => true;

    int IWireWritable.WireSize => Size;

    /// <summary>Converts <paramref name="address"/>, which must be IPv6.</summary>
    public static Ipv6Address FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"'{address}' is not an IPv6 address.", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[Size];
        address.TryWriteBytes(bytes, out _);
        return new Ipv6Address(bytes);
    }

    /// <summary>Parses IPv6 text such as <c>fe80::1</c>.</summary>
    public static Ipv6Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv6 address.");

    /// <summary>
    /// Parses IPv6 text: hex groups and colons, with an optional dotted-quad tail (<c>::ffff:1.2.3.4</c>) that
    /// follows <see cref="Ipv4Address.TryParse"/>'s rules. Unlike <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>,
    /// a zone id (<c>fe80::1%eth0</c>), brackets or a port (<c>[::1]:80</c>) are refused: the wire has no room for
    /// them, and dropping them silently would change what the text meant.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv6Address address)
    {
        if (text is not null && IsPlainIpv6Text(text) && IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.ScopeId == 0)
        {
            address = FromIPAddress(parsed);
            return true;
        }

        address = default;
        return false;
    }

    // Only hex digits and colons (at most 45 characters, the longest IPv6 text), and dots only in a dotted-quad tail.
    private static bool IsPlainIpv6Text(string text)
    {
        if (text.Length is < 2 or > 45 || text.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF:.") >= 0)
        {
            return false;
        }

        var lastColon = text.LastIndexOf(':');
        var dot = text.IndexOf('.');
        return dot < 0 || (dot > lastColon && Ipv4Address.TryParse(text.Substring(lastColon + 1), out _));
    }

    static bool IWireStruct<Ipv6Address>.TryReadFrom(ref WireReader reader, out Ipv6Address value)
    {
        var high = reader.ReadUInt64BigEndian();
        var low = reader.ReadUInt64BigEndian();
        value = new Ipv6Address(high, low);
        return !reader.HasFailed;
    }

    void IWireWritable.WriteTo(ref WireWriter writer)
    {
        writer.WriteUInt64BigEndian(_high);
        writer.WriteUInt64BigEndian(_low);
    }

    void IWireWritable.WriteAfterSize(ref WireWriter writer)
    {
        writer.WriteUInt64BigEndian(_high);
        writer.WriteUInt64BigEndian(_low);
    }

    /// <summary>Reads the address from its JSON form, a string of its text as <see cref="TryParse"/> takes it.</summary>
    /// <exception cref="WireJsonException">Not a string, not valid text, or not plain IPv6 text.</exception>
    public static Ipv6Address ReadJson(JsonElement element) =>
        TryParse(WireJson.ToText(element, string.Empty), out var address)
            ? address
            : throw new WireJsonException(string.Empty, $"expected IPv6 text without a zone, brackets or a port, found {WireJson.Describe(element)}");

    /// <summary>Writes the address as a JSON string of its text.</summary>
    public void WriteJson(Utf8JsonWriter writer) => WireJson.WriteText(writer, this);

    /// <summary>Writes the 16 network-order bytes to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), _low);
    }

    /// <summary>The 16 network-order bytes.</summary>
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
    public bool Equals(Ipv6Address other) => _high == other._high && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ipv6Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>Standard IPv6 text (RFC 5952), such as <c>fe80::1</c>.</summary>
    public override string ToString() => ToIPAddress().ToString();

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        ToIPAddress().TryFormat(destination, out charsWritten);

    /// <summary>Whether two addresses are the same.</summary>
    public static bool operator ==(Ipv6Address left, Ipv6Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    public static bool operator !=(Ipv6Address left, Ipv6Address right) => !left.Equals(right);

    /// <summary>Converts an IPv6 <see cref="IPAddress"/>.</summary>
    public static explicit operator Ipv6Address(IPAddress address) => FromIPAddress(address);

    /// <summary>Converts to an <see cref="IPAddress"/>.</summary>
    public static implicit operator IPAddress(Ipv6Address address) => address.ToIPAddress();
}
