using System;
using ProtocolGen.Portmaster;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Framing;

/// <summary>A bad frame allocates only its ProtocolError (issue 9, A1).</summary>
public sealed class FailedReadAllocationTests
{
    [Fact]
    public void AFailedMultiByteRead_AllocatesNothing()
    {
        var bytes = new byte[3];
        ReadPastTheEnd(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ReadPastTheEnd(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AFiveByteBadFrame_AllocatesOnlyItsError()
    {
        // A ConnectionEndV4 that declares an empty body: its fields need 22 bytes.
        var frame = new byte[] { 3, 0, 0, 0, 0 };
        Decode(frame);
        var errorSize = SizeOfOneError();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var kind = Decode(frame);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ProtocolErrorKind.SizeMismatch, kind);
        Assert.Equal(errorSize, allocated);
    }

    [Fact]
    public void AShortAddress_ReadByItsHandWrittenReader_AllocatesOnlyItsError()
    {
        var bytes = new byte[3];
        WireCodec.TryRead<Ipv4Address>(bytes, out _, out _);
        var errorSize = SizeOfOneError();

        var before = GC.GetAllocatedBytesForCurrentThread();
        WireCodec.TryRead<Ipv4Address>(bytes, out _, out var error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ProtocolErrorKind.SizeMismatch, error!.Kind);
        Assert.Equal(errorSize, allocated);
    }

    private static void ReadPastTheEnd(byte[] bytes)
    {
        var reader = new WireReader(bytes);
        reader.ReadUInt32();
        reader.ReadInt64BigEndian();
        reader.ReadUInt16();
        Assert.True(reader.HasFailed);
    }

    private static ProtocolErrorKind Decode(byte[] frame)
    {
        var kind = ProtocolErrorKind.SizeMismatch;
        foreach (var result in Info.DecodeFrames(frame))
        {
            kind = result.Error!.Kind;
        }

        return kind;
    }

    private static long SizeOfOneError()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(new ProtocolError(ProtocolErrorKind.SizeMismatch, 0, 3, "ConnectionEndV4", 0, 0));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
