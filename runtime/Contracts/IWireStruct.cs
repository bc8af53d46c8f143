using System.Diagnostics.CodeAnalysis;
using ProtocolGen.Json;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>
/// A structure with a wire layout: packets, <see cref="WireStructAttribute"/> records, and fixed-size values
/// such as <see cref="Ipv4Address"/>. Implemented by generated code; implement it by hand to give a type
/// of your own a wire form.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IWireStruct<TSelf> : IWireWritable, IWireJson<TSelf>
    where TSelf : IWireStruct<TSelf>
{
    /// <summary>The fewest bytes a value can take (its size, when <see cref="IsFixedSize"/>).</summary>
    static abstract int MinWireSize { get; }

    /// <summary>Whether every value takes exactly <see cref="MinWireSize"/> bytes.</summary>
    static abstract bool IsFixedSize { get; }

    /// <summary>Reads a value; on failure the reader records why.</summary>
    static abstract bool TryReadFrom(ref WireReader reader, [MaybeNullWhen(false)] out TSelf value);
}
