using System.Linq;
using ProtocolGen.Generator.Model;
using Xunit;

namespace ProtocolGen.Generator.Tests.Model;

public sealed class LayoutPlanTests
{
    private static FieldModel Field(string name, FieldKind kind, PrimitiveType primitive = PrimitiveType.Byte, int length = 0, int prefix = 0, int? elementSize = null, bool elementFixed = false) =>
        new(name, name, kind, "T", primitive, length, prefix, SequenceShape.None, kind is FieldKind.Struct or FieldKind.StructArray ? "global::E" : null, elementSize, elementFixed, BigEndian: false, ElementIsPlain: elementFixed);

    [Fact]
    public void FixedFieldsAndAPrefix_ShareOneRun_AndThePayloadEndsIt()
    {
        // ConnectionV4's shape: 31 fixed bytes, a u32 length, the payload.
        var plan = LayoutPlan.For(new[]
        {
            Field("id", FieldKind.Primitive, PrimitiveType.UInt64),
            Field("ip", FieldKind.Struct, elementSize: 4, elementFixed: true),
            Field("port", FieldKind.Primitive, PrimitiveType.UInt16),
            Field("payload", FieldKind.PrefixedBytes, prefix: 4),
            Field("tag", FieldKind.Primitive, PrimitiveType.UInt16),
        });

        Assert.Equal(new int?[] { 0, 8, 12, 14, null }, plan.Fields.Select(f => f.Offset));
        Assert.Equal(18, plan.Fields[3].TailOffset);
        Assert.Equal(new[] { (0, 4, 18, (int?)0), (4, 1, 2, null) }, plan.Runs.Select(r => (r.FirstField, r.FieldCount, r.Length, r.Offset)));
        Assert.Equal(new[] { 0, 0, 0, 0, 1 }, plan.Fields.Select(f => f.Run));
        Assert.Equal(new[] { 0, 8, 12, 14, 0 }, plan.Fields.Select(f => f.RunOffset));
        Assert.Equal(20, plan.ConstantMinSize);
        Assert.False(plan.IsFixedSize);
    }

    [Fact]
    public void AStructureOnlyTheRuntimeCanSize_StandsAlone_AndLeavesFixednessToTheRuntime()
    {
        var plan = LayoutPlan.For(new[]
        {
            Field("a", FieldKind.Primitive, PrimitiveType.Int32),
            Field("s", FieldKind.Struct),
            Field("b", FieldKind.Primitive),
        });

        Assert.Equal(new[] { (0, 1, 4), (1, 1, 0), (2, 1, 1) }, plan.Runs.Select(r => (r.FirstField, r.FieldCount, r.Length)));
        Assert.Null(plan.Fields[1].HeadSize);
        Assert.Equal(new[] { "global::E" }, plan.RuntimeSizedStructs);
        Assert.Equal(5, plan.ConstantMinSize);
        Assert.Null(plan.IsFixedSize);
        Assert.False(plan.IsConstantSize);
    }

    [Fact]
    public void AFixedStructureThatCanRefuseBytes_ReadsItself_ButKeepsTheOffsetsAfterIt()
    {
        var refusing = Field("flags", FieldKind.Struct, elementSize: 2, elementFixed: true) with { ElementIsPlain = false };
        var plan = LayoutPlan.For(new[] { Field("a", FieldKind.Primitive), refusing, Field("b", FieldKind.Primitive) });

        Assert.Null(plan.Fields[1].HeadSize);
        Assert.Equal(new int?[] { 0, 1, 3 }, plan.Fields.Select(f => f.Offset));
        Assert.Equal(3, plan.Runs.Count);
        Assert.True(plan.IsConstantSize);
        Assert.False(plan.IsPlain);
    }

    [Fact]
    public void ABoolean_MakesARecordNotPlain()
    {
        Assert.True(LayoutPlan.For(new[] { Field("a", FieldKind.Primitive, PrimitiveType.UInt16) }).IsPlain);
        Assert.False(LayoutPlan.For(new[] { Field("a", FieldKind.Primitive, PrimitiveType.Boolean) }).IsPlain);
    }

    [Fact]
    public void OnlyFixedFields_AreOneConstantSizeRun()
    {
        var plan = LayoutPlan.For(new[] { Field("a", FieldKind.Primitive, PrimitiveType.UInt16), Field("b", FieldKind.FixedBytes, length: 6) });

        Assert.True(plan.IsConstantSize);
        Assert.Equal((0, 2, 8), plan.Runs.Select(r => (r.FirstField, r.FieldCount, r.Length)).Single());
    }
}
