using System;
using ProtocolGen.Portmaster;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Framing;

/// <summary>
/// The generated union body reader hands each packet's reader the union's one out slot (as the packet's type): a
/// body that is refused must leave it null, never a half-read or wrongly typed packet.
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
}
