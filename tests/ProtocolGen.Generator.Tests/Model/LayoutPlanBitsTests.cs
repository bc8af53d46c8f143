using System.Linq;
using ProtocolGen.Generator.Model;
using Xunit;

namespace ProtocolGen.Generator.Tests.Model;

/// <summary>The layout plan of bit fields: a group's container is one head, shared by its members, in its record's run.</summary>
public sealed class LayoutPlanBitsTests
{
    private static FieldModel Field(string name, PrimitiveType primitive = PrimitiveType.Byte, BitField? bits = null) =>
        new(name, name, FieldKind.Primitive, "T", primitive, 0, 0, SequenceShape.None, null, null, false, BigEndian: true, Bits: bits);

    // IPv4's first eight bytes as the parser leaves them: shifts and container sizes filled, the last member of each group marked.
    private static LayoutPlan Ipv4() => LayoutPlan.For(new[]
    {
        Field("version", bits: new BitField(4, 8, Shift: 4, ContainerBytes: 1)),
        Field("ihl", bits: new BitField(4, 0, Shift: 0, ContainerBytes: 1, EndsGroup: true)),
        Field("tos"),
        Field("total_length", PrimitiveType.UInt16),
        Field("identification", PrimitiveType.UInt16),
        Field("df", PrimitiveType.Boolean, new BitField(3, 16, Shift: 13, ContainerBytes: 2)),
        Field("fragment_offset", PrimitiveType.UInt16, new BitField(13, 0, Shift: 0, ContainerBytes: 2, EndsGroup: true)),
    });

    [Fact]
    public void EveryMemberOfAGroup_SitsAtItsContainersOffset_AndTheFieldsAfterItStartAfterTheContainer()
    {
        var plan = Ipv4();

        Assert.Equal(new int?[] { 0, 0, 1, 2, 4, 6, 6 }, plan.Fields.Select(f => f.Offset));
        Assert.Equal(new[] { 0, 0, 1, 2, 4, 6, 6 }, plan.Fields.Select(f => f.RunOffset));
        Assert.Equal(new int?[] { 0, 1, 1, 2, 2, 0, 2 }, plan.Fields.Select(f => f.HeadSize));
    }

    [Fact]
    public void BitGroups_DoNotBreakTheRun_AndUnsignedBitFields_KeepTheRecordPlain()
    {
        var plan = Ipv4();

        Assert.Single(plan.Runs);
        Assert.Equal(8, plan.Runs[0].Length);
        Assert.Equal(8, plan.ConstantMinSize);
        Assert.True(plan.IsPlain); // a one-bit bool has no third value to refuse
        Assert.True(plan.HasBits);
        Assert.Equal(new[] { "df", "fragment_offset" }, plan.BitGroup(plan.Fields[5]).Select(p => p.Field.Name));
    }

    [Fact]
    public void ABitFieldsMask_IsItsBitsInPlace()
    {
        Assert.Equal(0xE000UL, new BitField(3, 16, Shift: 13).Mask);
        Assert.Equal(ulong.MaxValue, new BitField(64, 64).Mask);
    }
}
