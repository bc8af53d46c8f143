using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Generated read and write of every field kind, compiled and run (see <c>KindsSchema.cs</c>).</summary>
public sealed class KindsRoundTripTests
{
    public static TheoryData<Kinds> Packets() => new()
    {
        new Integers(byte.MaxValue, sbyte.MinValue, ushort.MaxValue, short.MinValue, uint.MaxValue, int.MinValue, ulong.MaxValue, long.MinValue, true),
        new Integers(0, sbyte.MaxValue, 0, short.MaxValue, 0, int.MaxValue, 0, long.MaxValue, false),
        new Enums(ByteEnum.Max, SByteEnum.Min, Int16Enum.Min, UInt16Enum.Max, Int32Enum.Min, UInt32Enum.Max, Int64Enum.Min, UInt64Enum.Max),
        new Enums((ByteEnum)7, (SByteEnum)(-7), (Int16Enum)(-300), (UInt16Enum)300, (Int32Enum)(-70000), (UInt32Enum)70000, (Int64Enum)(-5_000_000_000), (UInt64Enum)5_000_000_000),
        new FixedBytes(new byte[] { 1, 2, 3 }, new byte[] { 4, 5 }, new Ipv4Address(10, 0, 0, 1), Ipv6Address.Parse("fe80::1")),
        new Prefixed(new byte[255], new byte[300], new byte[] { 9 }, new string('a', 255), "ümlaut ✓", string.Empty),
        new Prefixed(Array.Empty<byte>(), ReadOnlyMemory<byte>.Empty, new byte[70_000], string.Empty, new string('x', 1000), "long ✓"),
        new RestBytes(7, new byte[] { 1, 2, 3, 4 }),
        new RestBytes(7, ReadOnlyMemory<byte>.Empty),
        new RestText(8, "to the end ✓"),
        new RestArray(9, new byte[] { 0xFF }),
        new Nested(new Point(-1, 1), new Label(new Point(2, 3), "caption"), 0xAB),
        new StructArrays(new[] { new Point(1, 2), new Point(3, 4) }, ImmutableArray.Create(new Label(default, "a"), new Label(new Point(5, 6), "bc")), ImmutableArray<Point>.Empty),
        new StructArrays(Array.Empty<Point>(), ImmutableArray<Label>.Empty, ImmutableArray.Create(new Point(int.MinValue, int.MaxValue))),
        new PrimitiveArrays(
            new byte[] { 1, 255 }, new sbyte[] { -128, 127 }, new ushort[] { 1, 65535 }, ImmutableArray.Create<short>(-1, 2),
            new uint[] { uint.MaxValue }, ImmutableArray.Create(int.MinValue, 0, int.MaxValue), new ulong[] { ulong.MaxValue, 1 },
            ImmutableArray.Create(long.MinValue), new[] { true, false, true }, new[] { Int16Enum.Min, (Int16Enum)42 }, ImmutableArray.Create(UInt64Enum.Max)),
        new PrimitiveArrays(
            Array.Empty<byte>(), Array.Empty<sbyte>(), Array.Empty<ushort>(), ImmutableArray<short>.Empty, Array.Empty<uint>(), ImmutableArray<int>.Empty,
            Array.Empty<ulong>(), ImmutableArray<long>.Empty, Array.Empty<bool>(), Array.Empty<Int16Enum>(), ImmutableArray<UInt64Enum>.Empty),
        new PerFieldBigEndian(0x0102, 0x0304, UInt32Enum.Max, "big", new uint[] { 0x0A0B0C0D }),
        new BigEndianRecord(0x01020304, Int64Enum.Min, new BigPoint(-2, 3), new Point(4, 5), ImmutableArray.Create<ushort>(1, 0xFFFE), new byte[] { 7 }),
        new Empty(),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void EveryFieldKind_RoundTripsThroughItsFrame(Kinds packet)
    {
        var frame = Kinds.EncodeFrame(packet);
        var decoded = Kinds.DecodeFrame(frame);

        Assert.Equal(packet.GetType(), decoded.GetType());
        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Kinds.EncodeFrame(decoded));
        Assert.Equal(frame.Length - 5, packet.WireSize);
    }

    [Fact]
    public void Integers_AreLittleEndianAndBoolIsOneByte()
    {
        var body = Body(new Integers(1, -1, 0x0102, -2, 0x01020304, -3, 0x0102030405060708, -4, true));

        Assert.Equal(
            new byte[]
            {
                1, 0xFF, 0x02, 0x01, 0xFE, 0xFF, 0x04, 0x03, 0x02, 0x01, 0xFD, 0xFF, 0xFF, 0xFF,
                8, 7, 6, 5, 4, 3, 2, 1, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1,
            },
            body);
    }

    [Fact]
    public void UnnamedEnumValues_DecodeAndReencodeUnchanged()
    {
        var packet = new Enums((ByteEnum)7, (SByteEnum)(-7), (Int16Enum)(-300), (UInt16Enum)300, (Int32Enum)(-70000), (UInt32Enum)70000, (Int64Enum)(-5_000_000_000), (UInt64Enum)5_000_000_000);
        var frame = Kinds.EncodeFrame(packet);

        var decoded = Assert.IsType<Enums>(Kinds.DecodeFrame(frame));

        Assert.Equal((UInt64Enum)5_000_000_000, decoded.H);
        Assert.Equal((Int16Enum)(-300), decoded.C);
        Assert.Equal(1 + 1 + 2 + 2 + 4 + 4 + 8 + 8, decoded.WireSize);
    }

    [Fact]
    public void PrefixedFields_CarryTheirLengthInTheDeclaredWidth()
    {
        var body = Body(new Prefixed(new byte[] { 1 }, new byte[] { 2, 3 }, Array.Empty<byte>(), "a", "bc", "d"));

        Assert.Equal(new byte[] { 1, 1, 2, 0, 2, 3, 0, 0, 0, 0, 1, (byte)'a', 2, 0, (byte)'b', (byte)'c', 1, 0, 0, 0, (byte)'d' }, body);
    }

    [Fact]
    public void RestOfFrameText_TakesEveryByteLeft()
    {
        var body = Body(new RestText(0x0201, "hi"));

        Assert.Equal(new byte[] { 1, 2, (byte)'h', (byte)'i' }, body);
    }

    [Fact]
    public void PrimitiveArrays_AreACountThenTheElements()
    {
        var packet = new PrimitiveArrays(
            new byte[] { 5 }, Array.Empty<sbyte>(), new ushort[] { 0x0102 }, ImmutableArray<short>.Empty, Array.Empty<uint>(), ImmutableArray<int>.Empty,
            Array.Empty<ulong>(), ImmutableArray<long>.Empty, new[] { true }, new[] { (Int16Enum)0x0304 }, ImmutableArray<UInt64Enum>.Empty);

        var body = Body(packet);

        Assert.Equal(new byte[] { 1, 5, 0, 1, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 4, 3, 0 }, body);
    }

    [Fact]
    public void BigEndianOnAField_ReordersThatFieldAndItsPrefixOnly()
    {
        var body = Body(new PerFieldBigEndian(0x0102, 0x0304, (UInt32Enum)0x05060708, "z", new uint[] { 0x0A0B0C0D }));

        Assert.Equal(new byte[] { 2, 1, 3, 4, 5, 6, 7, 8, 0, 1, (byte)'z', 0, 1, 0x0A, 0x0B, 0x0C, 0x0D }, body);
    }

    [Fact]
    public void BigEndianOnARecord_ReordersItsOwnFieldsButNotALittleEndianNestedStruct()
    {
        var body = Body(new BigEndianRecord(0x01020304, (Int64Enum)1, new BigPoint(2, 3), new Point(4, 5), ImmutableArray.Create<ushort>(0x0607), new byte[] { 9 }));

        Assert.Equal(
            new byte[]
            {
                1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 4, 0, 0, 0, 5, 0, 0, 0,
                0, 1, 6, 7, 0, 0, 0, 1, 9,
            },
            body);
    }

    [Fact]
    public void ABoolOtherThanZeroOrOne_IsAnInvalidValue()
    {
        var frame = Kinds.EncodeFrame(new PrimitiveArrays(
            Array.Empty<byte>(), Array.Empty<sbyte>(), Array.Empty<ushort>(), ImmutableArray<short>.Empty, Array.Empty<uint>(), ImmutableArray<int>.Empty,
            Array.Empty<ulong>(), ImmutableArray<long>.Empty, new[] { true, true }, Array.Empty<Int16Enum>(), ImmutableArray<UInt64Enum>.Empty));
        var flags = Array.IndexOf(frame, (byte)2) + 2;
        frame[flags] = 2;

        var error = Assert.Throws<ProtocolException>(() => Kinds.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
    }

    [Theory]
    [InlineData(PrefixWidth.U8, 255)]
    [InlineData(PrefixWidth.U16, 65535)]
    [InlineData(PrefixWidth.U32, int.MaxValue)]
    public void AHostileElementCount_IsRefusedBeforeAnyAllocation(PrefixWidth width, long count)
    {
        // Four elements' worth of bytes follow the count: far fewer than it claims.
        var body = new byte[(int)width + 16];
        for (var i = 0; i < (int)width; i++)
        {
            body[i] = (byte)(count >> (8 * i));
        }

        var reader = new WireReader(body);
        var claimed = reader.ReadCountPrefix(width, sizeof(uint));
        var values = reader.ReadPrimitiveArray<uint>(claimed);

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, reader.Fault);
        Assert.Empty(values);
    }

    [Fact]
    public void APrimitiveCountLargerThanTheFrame_IsLengthBeyondFrame()
    {
        var frame = Kinds.EncodeFrame(new PerFieldBigEndian(1, 2, UInt32Enum.One, string.Empty, new uint[] { 1 }));
        frame[^6] = 0x7F;

        var error = Assert.Throws<ProtocolException>(() => Kinds.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
    }

    [Fact]
    public void NestedStructs_AreInlineAndVariableOnesAddTheirOwnSize()
    {
        var packet = new Nested(new Point(1, 2), new Label(new Point(3, 4), "abc"), 5);

        var body = Body(packet);

        Assert.Equal(8 + 8 + 1 + 3 + 1, body.Length);
        Assert.Equal(Encoding.UTF8.GetBytes("abc"), body.Skip(17).Take(3));
        Assert.Equal(5, body[^1]);
        Assert.False(Nested.IsFixedSize);
        Assert.True(Point.IsFixedSize);
    }

    private static byte[] Body(Kinds packet) => Kinds.EncodeFrame(packet).AsSpan(5).ToArray();
}
