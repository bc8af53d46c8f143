using System.Diagnostics.CodeAnalysis;

namespace ProtocolGen;

/// <summary>
/// Maps a member's type <typeparamref name="TValue"/> to an integer, boolean or enum the wire carries, for a member
/// marked <c>[WireConverter(typeof(TSelf))]</c>: the member is laid out as <typeparamref name="TWire"/> (its size,
/// byte order and place in its record's fixed run), and its value goes through the converter both ways.
/// </summary>
/// <typeparam name="TValue">The member's type.</typeparam>
/// <typeparam name="TWire">The wire type: <c>byte</c>, <c>sbyte</c>, <c>bool</c>, <c>ushort</c>, <c>short</c>, <c>uint</c>, <c>int</c>, <c>ulong</c>, <c>long</c> or an enum of one.</typeparam>
public interface IWireConverter<TValue, TWire>
{
    /// <summary>The value of a wire value; false when <paramref name="wire"/> is not one (decoding then refuses it as <see cref="ProtocolErrorKind.InvalidValue"/> at the member).</summary>
    static abstract bool TryFromWire(TWire wire, [MaybeNullWhen(false)] out TValue value);

    /// <summary>The wire value of <paramref name="value"/>; a value the wire cannot carry throws <see cref="WireEncodeException"/> (while the size is computed, before any byte is written).</summary>
    static abstract TWire ToWire(TValue value);
}

/// <summary>
/// Maps a member's type <typeparamref name="TValue"/> to exactly <see cref="Size"/> bytes, for a member marked
/// <c>[WireConverter(typeof(TSelf))]</c>: the member takes those bytes in its record's fixed run. <see cref="Size"/>
/// must be a constant (<c>public static int Size => 6;</c>), which the generator reads.
/// </summary>
/// <typeparam name="TValue">The member's type.</typeparam>
public interface IWireBytesConverter<TValue>
{
    /// <summary>How many bytes every value takes.</summary>
    static abstract int Size { get; }

    /// <summary>The value of exactly <see cref="Size"/> bytes; false when they are not one (decoding then refuses them as <see cref="ProtocolErrorKind.InvalidValue"/> at the member).</summary>
    static abstract bool TryRead(System.ReadOnlySpan<byte> bytes, [MaybeNullWhen(false)] out TValue value);

    /// <summary>Writes <paramref name="value"/> into exactly <see cref="Size"/> bytes.</summary>
    static abstract void Write(TValue value, System.Span<byte> bytes);
}
