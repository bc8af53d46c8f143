namespace ProtocolGen.Generator.Model;

/// <summary>How a field is laid out on the wire.</summary>
internal enum FieldKind
{
    /// <summary>An integer or boolean.</summary>
    Primitive,

    /// <summary>An enum, carried as its underlying integer.</summary>
    Enum,

    /// <summary>Exactly <see cref="FieldModel.Length"/> bytes, no prefix.</summary>
    FixedBytes,

    /// <summary>A length prefix, then that many bytes.</summary>
    PrefixedBytes,

    /// <summary>A length prefix, then that many bytes of UTF-8.</summary>
    PrefixedString,

    /// <summary>Exactly <see cref="FieldModel.Length"/> bytes: UTF-8, then 0x00 to the end (a C <c>char[n]</c>; with <see cref="FieldModel.Terminated"/> at least one).</summary>
    FixedString,

    /// <summary>UTF-8, then one 0x00 (a C string).</summary>
    TerminatedString,

    /// <summary>Bytes up to the end of the frame.</summary>
    RestBytes,

    /// <summary>UTF-8 up to the end of the frame.</summary>
    RestString,

    /// <summary>A nested wire structure, inline.</summary>
    Struct,

    /// <summary>A count prefix, then that many nested wire structures.</summary>
    StructArray,

    /// <summary>A count prefix, then that many integers, booleans or enums (<see cref="FieldModel.Primitive"/> each).</summary>
    PrimitiveArray,
}

/// <summary>The integer types the wire carries.</summary>
internal enum PrimitiveType
{
    Byte,
    SByte,
    Boolean,
    UInt16,
    Int16,
    UInt32,
    Int32,
    UInt64,
    Int64,
}

/// <summary>The C# shape of a sequence-typed field.</summary>
internal enum SequenceShape
{
    None,

    /// <summary><c>T[]</c> or <c>byte[]</c>.</summary>
    Array,

    /// <summary><c>ReadOnlyMemory&lt;byte&gt;</c>.</summary>
    ReadOnlyMemory,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>.</summary>
    ImmutableArray,
}

/// <summary>One field of a packet or wire structure, in wire order.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="WireName">The protocol's name for the field (snake_case unless overridden).</param>
/// <param name="Kind">How the field is laid out.</param>
/// <param name="TypeName">The member's fully qualified C# type.</param>
/// <param name="Primitive">The integer type, for primitives and enums (their underlying type) and the elements of primitive arrays.</param>
/// <param name="Length">The byte length of <see cref="FieldKind.FixedBytes"/> and <see cref="FieldKind.FixedString"/>.</param>
/// <param name="Prefix">The prefix width in bytes (1, 2 or 4) of prefixed kinds; 0 otherwise.</param>
/// <param name="Shape">The C# shape of sequence kinds.</param>
/// <param name="ElementTypeName">The fully qualified element or nested structure type.</param>
/// <param name="ElementSize">The element or nested structure's minimum size, when the generator can tell; else null.</param>
/// <param name="ElementIsFixedSize">Whether every element or nested structure has that size.</param>
/// <param name="BigEndian">Whether integers in this field (and its prefix) are big-endian.</param>
/// <param name="Enum">The enum, for <see cref="FieldKind.Enum"/> fields and arrays of an enum; else null.</param>
/// <param name="ElementIsPlain">Whether the element or nested structure is plain (<see cref="LayoutPlan.IsPlain"/>): read and written at a constant offset with no failure path.</param>
/// <param name="ElementHasJson">Whether the nested structure (or array element) has a JSON form; a hand-written codec without one is written to JSON as its wire bytes in hex (PG0021).</param>
/// <param name="Fixed">The constant a <c>[Fixed]</c> field holds on the wire; null for a field that holds data.</param>
/// <param name="Terminated">Whether a <see cref="FieldKind.FixedString"/> must hold a 0x00 after its text (<c>[NullTerminated, FixedLength(n)]</c>).</param>
/// <param name="Bits">A <c>[Bits]</c> field's place in its group's container; null for a field of whole bytes.</param>
/// <param name="Reserved">Whether the field is <c>[Reserved]</c>: data like any other, marked so in layouts.</param>
/// <param name="Checksum">The <c>[Checksum]</c> rule of a field that holds a checksum of the record's bytes; null otherwise.</param>
/// <param name="FixedCount">The element count of a <c>[FixedCount(n)]</c> array (which has no prefix); 0 for any other field.</param>
/// <param name="Padding">The unnamed bytes around the field (<c>[PadBefore]</c>, <c>[PadAfter]</c>); null when it has none.</param>
/// <param name="Converter">The converter of a <c>[WireConverter]</c> member, whose kind, primitive and length are its wire form's; else null.</param>
/// <param name="LengthOf">The rule of a <c>[LengthOf]</c>/<c>[CountOf]</c> field (the source, derived from its target); else null.</param>
/// <param name="LengthFrom">The rule giving this member's length or count (the target, its length in an earlier field); else null.</param>
/// <param name="Switch">The dispatch of a <c>[Switch]</c> member (a <see cref="FieldKind.Struct"/> whose <see cref="ElementTypeName"/> is a <c>[WireUnion]</c> interface); else null.</param>
/// <param name="Condition">When a <c>[PresentWhen]</c> member is on the wire; null for a member that always is. Its other facets describe the value when present, and <see cref="TypeName"/> is the type without <c>?</c>.</param>
internal sealed record FieldModel(
    string Name,
    string WireName,
    FieldKind Kind,
    string TypeName,
    PrimitiveType Primitive,
    int Length,
    int Prefix,
    SequenceShape Shape,
    string? ElementTypeName,
    int? ElementSize,
    bool ElementIsFixedSize,
    bool BigEndian,
    EnumModel? Enum = null,
    bool ElementIsPlain = false,
    bool ElementHasJson = true,
    FixedValue? Fixed = null,
    bool Terminated = false,
    BitField? Bits = null,
    bool Reserved = false,
    ChecksumInfo? Checksum = null,
    int FixedCount = 0,
    Padding? Padding = null,
    ConverterInfo? Converter = null,
    LengthRule? LengthOf = null,
    LengthRule? LengthFrom = null,
    SwitchInfo? Switch = null,
    ConditionInfo? Condition = null)
{
    /// <summary>The member's declared type: <see cref="TypeName"/>, made nullable for a conditional member.</summary>
    public string MemberTypeName => Condition is null ? TypeName : TypeName + "?";

    /// <summary>
    /// Whether the member is read as a value to be measured (a wire union's case), so its record has no view yet and a
    /// record holding it reads it as a value in its own. A conditional member does not: views read it in place.
    /// </summary>
    public bool KeepsRecordFromView => Switch is not null;
}

/// <summary>A <c>[PresentWhen]</c> member's condition: the earlier field it reads, and the values that put the member on the wire.</summary>
/// <param name="Selector">The index of the field the condition reads.</param>
/// <param name="Values">The selector's values, each a C# expression of its type (<c>(byte)2</c>, <c>true</c>, <c>global::N.Kind.Data</c>).</param>
/// <param name="Display">The condition as layouts show it: <c>when kind = 2 or 3</c>, <c>unless kind = 0</c>.</param>
/// <param name="Not">Whether the member is present when the selector holds none of <see cref="Values"/>.</param>
internal sealed record ConditionInfo(int Selector, EquatableArray<string> Values, string Display, bool Not);

/// <summary>A <c>[Fixed]</c> field's constant.</summary>
/// <param name="Expression">The constant as a C# expression of the member's type: <c>(ushort)2</c>, <c>true</c>, <c>global::N.Kind.Data</c>.</param>
/// <param name="Display">The constant as layouts and messages show it: <c>2</c>, <c>true</c>, <c>Data</c>.</param>
internal sealed record FixedValue(string Expression, string Display);

/// <summary>A field's padding: unnamed bytes skipped on decode (refused unless 0x00 when they must be zero), zeros on encode.</summary>
/// <param name="Before">Bytes before the field's head.</param>
/// <param name="After">Bytes after the field (which has no tail).</param>
/// <param name="BeforeMustBeZero">Whether decoding refuses non-zero bytes before the field.</param>
/// <param name="AfterMustBeZero">Whether decoding refuses non-zero bytes after the field.</param>
internal sealed record Padding(int Before, int After, bool BeforeMustBeZero, bool AfterMustBeZero)
{
    /// <summary>Whether decoding checks any of the padding.</summary>
    public bool IsChecked => Before > 0 && BeforeMustBeZero || After > 0 && AfterMustBeZero;
}

/// <summary>A <c>[WireConverter]</c> member's converter.</summary>
/// <param name="TypeName">The converter's fully qualified type.</param>
/// <param name="WireTypeName">The wire type of an <c>IWireConverter&lt;TValue, TWire&gt;</c> (<c>TWire</c>, fully qualified); null for an <c>IWireBytesConverter&lt;TValue&gt;</c>.</param>
/// <param name="HasJson">Whether it implements <c>IWireJsonConverter&lt;TValue&gt;</c> (else JSON holds the wire value, PG0044).</param>
internal sealed record ConverterInfo(string TypeName, string? WireTypeName, bool HasJson)
{
    /// <summary>Whether the converter maps the member to bytes rather than to an integer, boolean or enum.</summary>
    public bool IsBytes => WireTypeName is null;
}
