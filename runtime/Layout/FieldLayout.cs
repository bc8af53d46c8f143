// Compiled into the generator too, beside LayoutText.cs: see there.
#if PROTOCOLGEN_GENERATOR
namespace ProtocolGen.Generator;
#else
namespace ProtocolGen.Layout;
#endif

/// <summary>One row of a packet's byte layout: what <c>PacketLayout</c> holds and what the layout drawings draw.</summary>
/// <param name="Offset">The byte offset in the body, or null once a variable-size field has come before; for a bit field, the byte holding its first bit.</param>
/// <param name="Size">The size in bytes, or null when it varies; for a bit field, the bytes its bits touch.</param>
/// <param name="Name">The protocol's field name; a prefix row is named <c>field.length</c> or <c>field.count</c>.</param>
/// <param name="WireType">What the bytes hold: <c>u32</c>, <c>bytes</c>, <c>utf8</c>, a structure name...</param>
public readonly record struct FieldLayout(int? Offset, int? Size, string Name, string WireType)
{
    /// <summary>
    /// For a bit field, where its first bit is in the byte at <see cref="Offset"/> (0 to 7), counted in the layout's
    /// bit order: from the most significant bit when bits are MSB first (as RFC diagrams count), else from the
    /// least. Null for a field of whole bytes.
    /// </summary>
    public int? BitOffset { get; init; }

    /// <summary>For a bit field, how many bits it takes; null for a field of whole bytes.</summary>
    public int? BitSize { get; init; }
}
