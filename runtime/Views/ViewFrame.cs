using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ProtocolGen;

/// <summary>
/// A frame of <typeparamref name="TUnion"/> whose body has been checked for a view but not decoded: its packet
/// type, and nothing allocated. Decoding frames as this type runs them through the one framing implementation
/// (<see cref="FrameDecoder"/>, <see cref="FrameStreamDecoder{TUnion}"/>, <see cref="PacketReader"/>) with the same
/// rules, caps and errors as records, and hands a sink the frame's bytes to make the packet's view over.
/// </summary>
/// <remarks>It stands for a frame, not a packet: it cannot be written or turned into JSON.</remarks>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
public readonly struct ViewFrame<TUnion> : IPacketUnion<ViewFrame<TUnion>>
    where TUnion : IViewUnion<TUnion>
{
    private ViewFrame(byte packetType) => PacketType = packetType;

    /// <inheritdoc/>
    public byte PacketType { get; }

    static FrameFormat IPacketUnion<ViewFrame<TUnion>>.FrameFormat => TUnion.FrameFormat;

    static ImmutableArray<PacketLayout> IPacketUnion<ViewFrame<TUnion>>.Layouts => TUnion.Layouts;

    int IWireWritable.WireSize => throw NotAPacket();

    static bool IPacketUnion<ViewFrame<TUnion>>.TryReadBody(byte packetType, ref WireReader reader, [MaybeNullWhen(false)] out ViewFrame<TUnion> packet)
    {
        // The framing hands over a reader at the start of the body. The check works on the span, and the reader is
        // then left where decoding would have left it: after the fields, or at the first problem, with its kind.
        var body = reader.ReadToEnd();
        var check = TUnion.CheckBody(packetType, body);
        reader = new WireReader(body);
        reader.ReadSpan(check.End);
        if (check.Fault is { } fault)
        {
            reader.Fail(fault);
            packet = default;
            return false;
        }

        packet = new ViewFrame<TUnion>(packetType);
        return true;
    }

    static string? IPacketUnion<ViewFrame<TUnion>>.GetPacketName(byte packetType) => TUnion.GetPacketName(packetType);

    static void IPacketUnion<ViewFrame<TUnion>>.WriteJson(Utf8JsonWriter writer, ViewFrame<TUnion> packet) => throw NotAPacket();

    static ViewFrame<TUnion> IPacketUnion<ViewFrame<TUnion>>.ReadJson(JsonElement element) => throw NotAPacket();

    void IWireWritable.WriteTo(ref WireWriter writer) => throw NotAPacket();

    void IJsonWritable.WriteJson(Utf8JsonWriter writer) => throw NotAPacket();

    private static NotSupportedException NotAPacket() =>
        new($"A {nameof(ViewFrame<TUnion>)} is a checked frame, not a packet; decode the frame as {typeof(TUnion).Name} to write it or turn it into JSON.");
}
