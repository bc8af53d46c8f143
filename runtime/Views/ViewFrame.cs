using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ProtocolGen.Framing;
using ProtocolGen.Internal;
using ProtocolGen.Json;
using ProtocolGen.Layout;
using ProtocolGen.Streaming;
using ProtocolGen.Wire;

namespace ProtocolGen.Views;

/// <summary>
/// A frame of a union whose body has been checked for a view but not decoded: its packet
/// type, and nothing allocated. Decoding frames as this type runs them through the one framing implementation
/// (<see cref="FrameDecoder"/>, <see cref="FrameStreamDecoder{TUnion}"/>, <see cref="PacketReader"/>) with the same
/// rules, caps and errors as records, and hands a sink the frame's bytes to make the packet's view over.
/// </summary>
/// <remarks>It stands for a frame, not a packet: it cannot be written or turned into JSON.</remarks>
/// <typeparam name="TChecks">The union's generated <c>ViewChecks</c>.</typeparam>
public readonly struct ViewFrame<TChecks> : IPacketUnion<ViewFrame<TChecks>>
    where TChecks : struct, IViewChecks
{
    private ViewFrame(byte packetType) => PacketType = packetType;

    /// <inheritdoc/>
    public byte PacketType { get; }

    static FrameFormat IPacketUnion<ViewFrame<TChecks>>.FrameFormat => TChecks.FrameFormat;

    static ImmutableArray<PacketLayout> IPacketUnion<ViewFrame<TChecks>>.Layouts => TChecks.Layouts;

    int IWireWritable.WireSize => throw NotAPacket();

    static bool IPacketUnion<ViewFrame<TChecks>>.TryReadBody(byte packetType, ref WireReader reader, [MaybeNullWhen(false)] out ViewFrame<TChecks> packet)
    {
        packet = new ViewFrame<TChecks>(packetType);
        return TryCheckBody(packetType, ref reader);
    }

    /// <summary>
    /// Checks the body under <paramref name="reader"/> for a view of the packet <paramref name="packetType"/> names,
    /// leaving the reader as the record decoder would; for a generated union's own view loop.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static bool TryCheckBody(byte packetType, ref WireReader reader)
    {
        // The framing hands over a reader at the start of the body. The check works on the span, and the reader is
        // then left exactly where decoding would have left it: after the fields, or, at the first problem, where the
        // record decoder stopped, with its kind and offset (so framing without a length ends the frame at the same byte).
        var body = reader.ReadToEnd();
        var check = TChecks.CheckBody(packetType, body);
        if (check.Fault is { } fault)
        {
            reader = WireReader.Stopped(body, check.ReaderPosition, fault, check.End);
            return false;
        }

        reader = WireReader.Stopped(body, check.End, null, 0);
        return true;
    }

    static string? IPacketUnion<ViewFrame<TChecks>>.GetPacketName(byte packetType) => TChecks.GetPacketName(packetType);

    static void IPacketUnion<ViewFrame<TChecks>>.WriteJson(Utf8JsonWriter writer, ViewFrame<TChecks> packet) => throw NotAPacket();

    static ViewFrame<TChecks> IPacketUnion<ViewFrame<TChecks>>.ReadJson(JsonElement element) => throw NotAPacket();

    void IWireWritable.WriteTo(ref WireWriter writer) => throw NotAPacket();

    void IJsonWritable.WriteJson(Utf8JsonWriter writer) => throw NotAPacket();

    private static NotSupportedException NotAPacket() =>
        new($"A {nameof(ViewFrame<TChecks>)} is a checked frame, not a packet; decode the frame as its union's record to write it or turn it into JSON.");
}
