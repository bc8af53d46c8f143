using System.Runtime.CompilerServices;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Wire;

/// <summary>
/// Every frame a union decodes builds a <see cref="WireReader"/>: it stays four words (its span, position, first
/// failure and its offset, and whether checksums are verified), so that a field added to it is a decision.
/// </summary>
public sealed class WireReaderSizeTests
{
    [Fact]
    public void AWireReader_IsThirtyTwoBytes_OnA64BitRuntime()
    {
        Assert.Equal(8, System.IntPtr.Size);
        Assert.Equal(32, Unsafe.SizeOf<WireReader>());
    }

    [Fact]
    public void AReaderThatHasNotFailed_ReportsNoFault_AndOneThatHas_ReportsItsFirst()
    {
        var reader = new WireReader(new byte[] { 1 }, verifyChecksums: false);
        Assert.False(reader.HasFailed);
        Assert.Null(reader.Fault);
        Assert.False(reader.VerifiesChecksums);

        reader.ReadUInt16();
        reader.ReadUInt32();

        Assert.True(reader.HasFailed);
        Assert.Equal(ProtocolErrorKind.SizeMismatch, reader.Fault);
    }
}
