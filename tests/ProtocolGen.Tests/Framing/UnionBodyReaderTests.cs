using System;
using ProtocolGen.Portmaster;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Framing;

/// <summary>
/// The generated union body reader takes each packet from its reader's return value (ReadOrNull, which TryReadFrom
/// wraps): a body that is refused must leave the packet null, never a half-read or wrongly typed packet, and must be
/// refused exactly as TryReadFrom refuses it.
/// </summary>
public sealed class UnionBodyReaderTests
{
    public static TheoryData<byte, byte[]> RefusedBodies() => new()
    {
        { 1, new byte[10] },            // ConnectionV4: shorter than its fixed fields
        { 3, new byte[21] },            // ConnectionEndV4: one byte short
        { 0, [3, 0xC3] },               // LogLine: a cut UTF-8 sequence
        { 5, [6, 9, 0, 0, 0] },         // BandwidthStatsV4: nine values announced, none there
        { 200, [1, 2, 3] },             // no packet has this type
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public void ARefusedBody_LeavesThePacketNull(byte packetType, byte[] body)
    {
        var reader = new WireReader(body);

        var read = Info.FrameCodec.TryReadBody(packetType, ref reader, out var packet);

        Assert.False(read);
        Assert.Null(packet);
        Assert.True(reader.HasFailed);
    }

    [Fact]
    public void AGoodBody_GivesThePacketOfItsType()
    {
        var expected = new ConnectionEndV4(7, Direction.Outbound, IpProtocol.Udp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 53, 5353);
        var reader = new WireReader(Info.EncodeFrame(expected).AsSpan(5));

        Assert.True(Info.FrameCodec.TryReadBody(3, ref reader, out var packet));
        Assert.Equal(expected, Assert.IsType<ConnectionEndV4>(packet));
    }

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public void ARefusedBody_LeavesTheReaderAsTryReadFromDoes(byte packetType, byte[] body)
    {
        var viaReturn = new WireReader(body);
        var viaOut = new WireReader(body);

        var returned = ReadOrNull(packetType, ref viaReturn);
        var read = TryReadFrom(packetType, ref viaOut, out var packet);

        Assert.Null(returned);
        Assert.False(read);
        Assert.Null(packet);
        Assert.Equal(viaOut.Fault, viaReturn.Fault);
        Assert.Equal(viaOut.FaultOffset, viaReturn.FaultOffset);
        Assert.Equal(viaOut.Position, viaReturn.Position);
    }

    [Fact]
    public void TheReturningRefusals_RecordWhatTheOutRefusalsRecord()
    {
        var bytes = new byte[10];
        var refused = new WireReader(bytes);
        refused.Advance(4);
        var cut = new WireReader(bytes);
        cut.Advance(4);

        Assert.Null(refused.Refuse<Info>(ProtocolErrorKind.LengthBeyondFrame, 3));
        Assert.Null(cut.RefuseShort<Info>());

        // Refuse: the kind at the position plus the offset, the position left alone.
        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, refused.Fault);
        Assert.Equal(7, refused.FaultOffset);
        Assert.Equal(4, refused.Position);

        // RefuseShort: a size mismatch at the end of the buffer, the reader moved there.
        Assert.Equal(ProtocolErrorKind.SizeMismatch, cut.Fault);
        Assert.Equal(10, cut.FaultOffset);
        Assert.Equal(10, cut.Position);
    }

    private static Info? ReadOrNull(byte packetType, ref WireReader reader) => packetType switch
    {
        0 => LogLine.ReadOrNull(ref reader),
        1 => ConnectionV4.ReadOrNull(ref reader),
        3 => ConnectionEndV4.ReadOrNull(ref reader),
        5 => BandwidthStatsV4.ReadOrNull(ref reader),
        _ => reader.Refuse<Info>(ProtocolErrorKind.UnknownType, 0),
    };

    private static bool TryReadFrom(byte packetType, ref WireReader reader, out Info? packet)
    {
        switch (packetType)
        {
            case 0:
                var logLine = LogLine.TryReadFrom(ref reader, out var l);
                packet = l;
                return logLine;
            case 1:
                var connection = ConnectionV4.TryReadFrom(ref reader, out var c);
                packet = c;
                return connection;
            case 3:
                var end = ConnectionEndV4.TryReadFrom(ref reader, out var e);
                packet = e;
                return end;
            case 5:
                var stats = BandwidthStatsV4.TryReadFrom(ref reader, out var b);
                packet = b;
                return stats;
            default:
                return reader.Refuse(ProtocolErrorKind.UnknownType, 0, out packet);
        }
    }
}
