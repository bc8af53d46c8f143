namespace ProtocolGen.Layout;

/// <summary>One row of a packet's byte layout.</summary>
/// <param name="Offset">The byte offset in the body, or null once a variable-size field has come before.</param>
/// <param name="Size">The size in bytes, or null when it varies.</param>
/// <param name="Name">The protocol's field name; a prefix row is named <c>field.length</c> or <c>field.count</c>.</param>
/// <param name="WireType">What the bytes hold: <c>u32</c>, <c>bytes</c>, <c>utf8</c>, a structure name...</param>
public readonly record struct FieldLayout(int? Offset, int? Size, string Name, string WireType);
