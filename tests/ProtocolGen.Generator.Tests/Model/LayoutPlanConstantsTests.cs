using System.Linq;
using ProtocolGen.Generator.Model;
using Xunit;

namespace ProtocolGen.Generator.Tests.Model;

/// <summary>The layout plan of the schema's constants: a magic is the first run's first bytes; constants refuse bytes.</summary>
public sealed class LayoutPlanConstantsTests
{
    private static FieldModel Field(string name, FieldKind kind, PrimitiveType primitive = PrimitiveType.Byte, int prefix = 0, int? elementSize = null, bool elementPlain = true, FixedValue? fixedValue = null, EnumModel? enumModel = null) =>
        new(name, name, kind, "T", primitive, 0, prefix, SequenceShape.None, kind is FieldKind.Struct ? "global::E" : null, elementSize, elementSize is not null, BigEndian: false, enumModel, ElementIsPlain: elementPlain, Fixed: fixedValue);

    [Fact]
    public void AMagic_JoinsTheFirstRun_AndShiftsEveryOffsetAfterIt()
    {
        var plan = LayoutPlan.For(new[] { Field("version", FieldKind.Primitive, PrimitiveType.UInt16), Field("name", FieldKind.PrefixedString, prefix: 1), Field("tag", FieldKind.Primitive) }, magicLength: 4);

        Assert.Equal(new[] { (0, 2, 7, (int?)0, 4), (2, 1, 1, null, 0) }, plan.Runs.Select(r => (r.FirstField, r.FieldCount, r.Length, r.Offset, r.Magic)));
        Assert.Equal(new int?[] { 4, 6, null }, plan.Fields.Select(f => f.Offset));
        Assert.Equal(new[] { 4, 6, 0 }, plan.Fields.Select(f => f.RunOffset));
        Assert.Equal(8, plan.ConstantMinSize);
        Assert.Equal(4, plan.MagicLength);
        Assert.False(plan.IsPlain);
    }

    [Fact]
    public void AMagicBeforeAFieldThatReadsItself_IsARunOfItsOwn()
    {
        var plan = LayoutPlan.For(new[] { Field("inner", FieldKind.Struct, elementSize: 12, elementPlain: false), Field("after", FieldKind.Primitive) }, magicLength: 2);

        Assert.Equal(new[] { (0, 0, 2, (int?)0, 2), (0, 1, 0, 2, 0), (1, 1, 1, 14, 0) }, plan.Runs.Select(r => (r.FirstField, r.FieldCount, r.Length, r.Offset, r.Magic)));
        Assert.Equal(new int?[] { 2, 14 }, plan.Fields.Select(f => f.Offset));
        Assert.Equal(15, plan.ConstantMinSize);
        Assert.True(plan.IsConstantSize);
    }

    [Fact]
    public void AMagicAlone_IsTheRecordsOnlyRun()
    {
        var plan = LayoutPlan.For(System.Array.Empty<FieldModel>(), magicLength: 1);

        Assert.Equal(new[] { (0, 0, 1, (int?)0, 1) }, plan.Runs.Select(r => (r.FirstField, r.FieldCount, r.Length, r.Offset, r.Magic)));
        Assert.Equal(1, plan.ConstantMinSize);
        Assert.False(plan.IsPlain);
    }

    [Fact]
    public void FixedValuesAndClosedEnums_RefuseBytes_SoTheRecordIsNotPlain_ButStaysOneRun()
    {
        var closed = new EnumModel(null, "KWireNames", "K", "global::K", PrimitiveType.Byte, EquatableArray<EnumMemberModel>.Empty, new ClosedEnumInfo(false, null, null, null));
        var open = closed with { Closed = null };
        var fixedOne = Field("version", FieldKind.Primitive, fixedValue: new FixedValue("1", "1"));

        Assert.True(LayoutPlan.For(new[] { Field("a", FieldKind.Primitive), Field("k", FieldKind.Enum, enumModel: open) }).IsPlain);
        Assert.False(LayoutPlan.For(new[] { Field("a", FieldKind.Primitive), Field("k", FieldKind.Enum, enumModel: closed) }).IsPlain);
        var plan = LayoutPlan.For(new[] { fixedOne, Field("a", FieldKind.Primitive, PrimitiveType.UInt32) });
        Assert.False(plan.IsPlain);
        Assert.Single(plan.Runs);
        Assert.Equal(5, plan.Runs[0].Length);
    }
}
