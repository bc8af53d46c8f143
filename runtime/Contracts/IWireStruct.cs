using System.Diagnostics.CodeAnalysis;
using ProtocolGen.Json;
using ProtocolGen.Wire;

namespace ProtocolGen;

/// <summary>
/// A structure with a wire layout: packets, <see cref="WireStructAttribute"/> records, and fixed-size values
/// such as <see cref="Ipv4Address"/>. Implemented by generated code; implement it by hand to give a type
/// of your own a wire form. It is the binary codec alone: JSON is <see cref="IWireJson{TSelf}"/>, which generated
/// records also implement. A generated record holding a hand-written type without it writes that member in JSON
/// as its wire bytes in hex (diagnostic PG0021); implement <see cref="IWireJson{TSelf}"/> to give it named fields.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IWireStruct<TSelf> : IWireWritable
    where TSelf : IWireStruct<TSelf>
{
    /// <summary>The fewest bytes a value can take (its size, when <see cref="IsFixedSize"/>).</summary>
    static abstract int MinWireSize { get; }

    /// <summary>Whether every value takes exactly <see cref="MinWireSize"/> bytes.</summary>
    static abstract bool IsFixedSize { get; }

    /// <summary>Reads a value; on failure the reader records why.</summary>
    static abstract bool TryReadFrom(ref WireReader reader, [MaybeNullWhen(false)] out TSelf value);
}
