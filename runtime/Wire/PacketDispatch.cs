using System.Diagnostics.CodeAnalysis;

namespace ProtocolGen;

/// <summary>The two outcomes of a generated union's type-byte switch, written once here.</summary>
public static class PacketDispatch
{
    /// <summary>Reads a <typeparamref name="TPacket"/> body and returns it as its union type.</summary>
    public static bool Read<TUnion, TPacket>(ref WireReader reader, [MaybeNullWhen(false)] out TUnion packet)
        where TPacket : TUnion, IWireStruct<TPacket>
    {
        if (TPacket.TryReadFrom(ref reader, out var value))
        {
            packet = value;
            return true;
        }

        packet = default;
        return false;
    }

    /// <summary>Records that the type byte names no packet of the union.</summary>
    public static bool Unknown<TUnion>(ref WireReader reader, [MaybeNullWhen(false)] out TUnion packet)
    {
        reader.Fail(ProtocolErrorKind.UnknownType);
        packet = default;
        return false;
    }
}
