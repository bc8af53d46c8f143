namespace ProtocolGen.Generator.Model;

/// <summary>What makes a <c>[FrameHeader]</c> record a union's framing, for its <c>IFrameHeader</c> implementation.</summary>
/// <param name="Size">The header's constant size in bytes.</param>
/// <param name="Type">The <c>[FrameType]</c> member; null when the union has a single packet.</param>
/// <param name="Length">The <c>[FrameLength]</c> member.</param>
/// <param name="WholeFrame">Whether the length counts the header too (<c>FrameLengthCounting.WholeFrame</c>).</param>
/// <param name="Scale">The length's unit in bytes.</param>
/// <param name="Offset">What the length counts beyond the body (or frame): <c>value × Scale = L + Offset</c>.</param>
/// <param name="Parameters">Every positional parameter's name, in order, for the constructor the writer calls.</param>
internal sealed record FrameHeaderInfo(
    int Size,
    FrameHeaderField? Type,
    FrameHeaderField Length,
    bool WholeFrame,
    int Scale,
    int Offset,
    EquatableArray<string> Parameters);

/// <summary>A header member the framing reads and writes: its name, C# type and how many bits of value it holds.</summary>
internal sealed record FrameHeaderField(string Name, string TypeName, int Bits)
{
    /// <summary>The largest value the member holds.</summary>
    public ulong MaxValue => Bits >= 64 ? ulong.MaxValue : (1UL << Bits) - 1;
}

/// <summary>A valid header as its unions see it: its name and how wide its type is (null when it has none).</summary>
internal sealed record FrameHeaderShape(string FullyQualifiedName, string Name, int Size, int? TypeBits)
{
    /// <summary>The largest packet number the header's type holds (0 without a type).</summary>
    public ulong MaxType => TypeBits is { } bits ? (bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1) : 0;
}
