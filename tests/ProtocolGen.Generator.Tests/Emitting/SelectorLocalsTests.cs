using ProtocolGen.Generator.Emitting.Fields;
using ProtocolGen.Generator.Model;
using Xunit;

namespace ProtocolGen.Generator.Tests.Emitting;

/// <summary>The reader keeps a field in a local when a condition or a switch reads it: the field their selector index names, and no other.</summary>
public sealed class SelectorLocalsTests
{
    private static FieldModel Field(string name, PrimitiveType primitive) =>
        new(name, name, FieldKind.Primitive, "T", primitive, 0, 0, SequenceShape.None, null, null, false, BigEndian: false);

    private static StructModel Model(params FieldModel[] fields) => new(
        new TypeDeclarationInfo(null, EquatableArray<ContainingTypeInfo>.Empty, "record", "S", "global::S"),
        false, true, false, null, fields.ToEquatableArray(), false, false, LayoutPlan.For(fields));

    [Fact]
    public void AConditionsSelector_IsTheFieldAtItsIndex_NotTheFirstOfItsName()
    {
        // Two fields of one name (a model no C# record gives, but nothing in the model forbids): only the one at the selector index selects.
        var selector = Field("x", PrimitiveType.Byte);
        var other = Field("x", PrimitiveType.UInt16);
        var conditional = Field("c", PrimitiveType.UInt16) with { Condition = new ConditionInfo(1, new[] { "(byte)1" }.ToEquatableArray(), "when x = 1", false) };
        var model = Model(other, selector, conditional);

        Assert.True(ConditionCode.NeedsLocal(model, selector));
        Assert.False(ConditionCode.NeedsLocal(model, other));
        Assert.False(ConditionCode.NeedsLocal(model, conditional));
    }

    [Fact]
    public void ASwitchsSelector_IsTheFieldAtItsIndex_NotTheFirstOfItsName()
    {
        var other = Field("x", PrimitiveType.UInt16);
        var selector = Field("x", PrimitiveType.Byte);
        var switched = new FieldModel("body", "body", FieldKind.Struct, "global::IBody", PrimitiveType.Byte, 0, 0, SequenceShape.None, "global::IBody", null, false, BigEndian: false, Switch: new SwitchInfo(1, null));
        var model = Model(other, selector, switched);

        Assert.True(SwitchCode.NeedsLocal(model, selector));
        Assert.False(SwitchCode.NeedsLocal(model, other));
    }
}
