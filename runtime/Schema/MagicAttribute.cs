using System;
using System.Text;

namespace ProtocolGen;

/// <summary>
/// Constant bytes before a packet's or wire structure's first field (a file signature, a sync byte): written on
/// encode, checked on decode (another value is <see cref="ProtocolErrorKind.FixedValueMismatch"/> at the first byte
/// that differs), counted in the size, and not a field: the record has no member for them and JSON does not show them.
/// </summary>
/// <example><c>[WireStruct, Magic(0xD4, 0xC3, 0xB2, 0xA1)]</c> or <c>[Packet(1), Magic("PNG")]</c>.</example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MagicAttribute : Attribute
{
    /// <summary>Declares the magic as bytes.</summary>
    public MagicAttribute(params byte[] bytes) => Bytes = bytes ?? Array.Empty<byte>();

    /// <summary>Declares the magic as ASCII text, one byte per character (no length, no terminator).</summary>
    public MagicAttribute(string ascii) => Bytes = Encoding.ASCII.GetBytes(ascii ?? string.Empty);

    /// <summary>The bytes, in wire order.</summary>
    public byte[] Bytes { get; }
}
