using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting;

/// <summary>Writes the codec of one packet or wire structure from its model.</summary>
internal static class StructEmitter
{

    public static string Emit(StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        return TypeScaffold.Emit(
            model.Declaration,
            $" : {RuntimeNames.IWireStruct}<{self}>, {RuntimeNames.IWireJson}<{self}>",
            writer => WriteDocs(writer, model),
            writer => WriteMembers(writer, model));
    }

    private static void WriteDocs(SourceWriter writer, StructModel model)
    {
        writer.Line("/// <remarks>");
        var byteOrder = LayoutDiagram.ByteOrder(model);
        writer.Line(model.Packet is { } packet
            ? $"/// Wire layout of <c>{packet.Name}</c>, packet type {packet.PacketType.ToString(CultureInfo.InvariantCulture)}: the frame body, {byteOrder}, {Fields.PaddingCode.Summary(model)}."
            : $"/// Wire layout of <c>{model.Declaration.Name}</c>: {byteOrder}, {Fields.PaddingCode.Summary(model)}.");
        var rows = LayoutDiagram.Rows(model);
        writer.Line("/// <code>");
        if (rows.Count == 0)
        {
            writer.Line("/// (no fields: the body is empty)");
        }
        else
        {
            foreach (var line in LayoutText.BitDiagram(rows))
            {
                writer.Line("/// " + line);
            }

            writer.Line("///");
            foreach (var line in LayoutText.Table(rows))
            {
                writer.Line("/// " + line);
            }
        }

        writer.Line("/// </code>");
        writer.Line("/// </remarks>");
    }

    private static void WriteMembers(SourceWriter writer, StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var packet = model.Packet;

        // A class-rooted union declares the packet members abstract; an interface-rooted one declares them on the interface.
        var overrideModifier = packet is { UnionIsInterface: false } ? "override " : string.Empty;

        if (packet is not null)
        {
            if (packet.PacketType > byte.MaxValue)
            {
                writer.Line($"/// <summary>The low byte of this packet's frame type, {packet.PacketType.ToString(CultureInfo.InvariantCulture)}, which its union's header carries whole.</summary>");
            }
            else
            {
                writer.Line("/// <inheritdoc/>");
            }

            writer.Line($"public {overrideModifier}byte PacketType => {TypeByte(packet.PacketType)};");
            writer.Line();
        }

        Fields.ConstantCode.WriteMagicProperty(writer, model);
        var (minSize, isFixed) = SizeDeclarations(model);
        writer.Line("/// <summary>The fewest bytes this structure takes on the wire.</summary>");
        writer.Line($"public static int MinWireSize => {minSize};");
        writer.Line();
        writer.Line("/// <summary>Whether every value takes exactly <see cref=\"MinWireSize\"/> bytes.</summary>");
        writer.Line($"public static bool IsFixedSize => {isFixed};");
        writer.Line();
        WriteWireSize(writer, model, overrideModifier);
        writer.Line();

        ReadEmitter.WriteTryReadFrom(writer, model);
        writer.Line();
        WriteEmitter.WriteWriteTo(writer, model, overrideModifier);
        writer.Line();
        if (ReadEmitter.IsPlainStruct(model))
        {
            ReadEmitter.WriteReadFixed(writer, model);
            writer.Line();
        }

        if (WriteEmitter.WritesFixed(model))
        {
            WriteEmitter.WriteWriteFixed(writer, model);
            writer.Line();
        }

        writer.Line($"/// <summary>Reads a value from the start of <paramref name=\"source\"/>, or throws <see cref=\"{RuntimeNames.ProtocolException}\"/>.</summary>");
        writer.Line($"public static {self} ReadFrom(global::System.ReadOnlySpan<byte> source) => {RuntimeNames.WireCodec}.Read<{self}>(source);");
        writer.Line();
        writer.Line("/// <summary>Writes this value at the start of <paramref name=\"destination\"/> and returns the bytes written.</summary>");
        writer.Open("public int WriteTo(global::System.Span<byte> destination)");
        writer.Line("// Its own WireSize and WriteAfterSize, called directly rather than through WireCodec's generic path, so both can be inlined.");
        if (MostWithOnlyConditionChecks(model) is { } most)
        {
            // A record whose WireSize only checks its conditional members and sums bounded sizes: when the most it can
            // take fits, the checks run and the sum, a chain of dependent adds before the first write, is skipped.
            var bound = FieldCode.Int((int)most);
            writer.Line($"{RuntimeNames.WireWriter} writer;");
            writer.Open($"if (destination.Length >= {bound})");
            var names = new LocalNames(model);
            WriteConditionChecks(writer, model, names);
            WriteNestedChecks(writer, model, names);
            writer.Line($"writer = {RuntimeNames.WireCodec}.WriterFor(destination, {bound});");
            writer.Close();
            writer.Open("else");
            writer.Line($"writer = {RuntimeNames.WireCodec}.WriterFor(destination, WireSize);");
            writer.Close();
            writer.Line();
        }
        else
        {
            writer.Line($"var writer = {RuntimeNames.WireCodec}.WriterFor(destination, WireSize);");
        }

        writer.Line("WriteAfterSize(ref writer);");
        writer.Line("return writer.Position;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Writes this value to <paramref name=\"destination\"/>.</summary>");
        writer.Line($"public void WriteTo(global::System.Buffers.IBufferWriter<byte> destination) => {RuntimeNames.WireCodec}.Write(this, destination);");

        writer.Line();
        JsonEmitter.WriteStructMembers(writer, model, overrideModifier);
        PrintMembersEmitter.Write(writer, model);

        if (packet is not null)
        {
            writer.Line();
            WriteLayout(writer, model, packet);
        }

        // Fixed fields are derived (the wire always holds their constant), so equality skips them (design 4.2).
        if (!model.DeclaresEquality && model.Layout.Fields.Any(p => p.Equality is EqualityForm.Content or EqualityForm.Skipped))
        {
            writer.Line();
            WriteEquality(writer, model);
        }
    }

    private static void WriteLayout(SourceWriter writer, StructModel model, PacketInfo packet)
    {
        var rows = LayoutDiagram.Rows(model);
        writer.Line("/// <summary>This packet's byte layout as data, as drawn in its remarks.</summary>");
        var head = $"public static {RuntimeNames.PacketLayout} WireLayout {{ get; }} = new({TypeByte(packet.PacketType)}, \"{packet.Name}\", MinWireSize, IsFixedSize, ";
        if (rows.Count == 0)
        {
            writer.Line(head + $"global::System.Collections.Immutable.ImmutableArray<{RuntimeNames.FieldLayout}>.Empty);");
            return;
        }

        writer.Line(head + "global::System.Collections.Immutable.ImmutableArray.Create(");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var offset = row.Offset?.ToString(CultureInfo.InvariantCulture) ?? "null";
            var size = row.Size?.ToString(CultureInfo.InvariantCulture) ?? "null";
            writer.Line($"    new {RuntimeNames.FieldLayout}({offset}, {size}, \"{row.Name}\", \"{row.WireType}\"){Fields.BitsCode.RowInitializer(row)}{(i == rows.Count - 1 ? "))" + Fields.BitsCode.LayoutInitializer(model) + ";" : ",")}");
        }
    }

    private static (string MinSize, string IsFixed) SizeDeclarations(StructModel model)
    {
        var plan = model.Layout;
        var minTerms = new List<string> { plan.ConstantMinSize.ToString(CultureInfo.InvariantCulture) };
        minTerms.AddRange(plan.RuntimeSizedStructs.Select(FieldCode.MinSizeExpression));
        var fixedExpression = plan.IsFixedSize switch
        {
            true => "true",
            false => "false",
            null => string.Join(" && ", plan.RuntimeSizedStructs.Select(FieldCode.IsFixedSizeExpression)),
        };

        return (string.Join(" + ", minTerms), fixedExpression);
    }

    /// <summary>
    /// <c>WireSize</c>: the constant minimum plus each tail, every value the wire cannot carry refused here, so the
    /// writers, which always ask it first, never stop half-way.
    /// </summary>
    private static void WriteWireSize(SourceWriter writer, StructModel model, string overrideModifier)
    {
        // A member whose length an earlier field holds is sized, and its field checked, by LengthWriteCode, in wire order.
        var names = new LocalNames(model);
        var checks = model.Layout.Fields.Where(p => p.Field.LengthFrom is null).Select(FieldCode.ConstantSizeCheck).OfType<string>().ToList();
        var conditionals = model.Layout.Fields.Where(p => p.Field.Condition is not null).ToList();
        var tails = model.Layout.Fields.Select(p => (Place: p, Size: p.Field.LengthFrom is not null ? string.Empty
            : p.Field.Switch is not null ? Fields.SwitchCode.CheckedSize(model, p.Field)
            : p.Field.Condition is not null ? Fields.ConditionCode.CheckedSize(p, names)
            : FieldCode.CheckedTailSize(p))).Where(t => t.Size is not null).ToList();
        writer.Line("/// <inheritdoc/>");
        if (checks.Count == 0 && tails.Count == 0 && conditionals.Count == 0)
        {
            writer.Line($"public {overrideModifier}int WireSize => MinWireSize;");
            return;
        }

        writer.Line($"/// <exception cref=\"{RuntimeNames.WireEncodeException}\">A field the wire cannot carry: null, invalid text, too long for its prefix or length, or past 2 GiB.</exception>");
        writer.Open($"public {overrideModifier}int WireSize");

        // Inlined into the frame encoder that knows the packet, beside the writer that trusts it.
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open("get");
        foreach (var check in checks)
        {
            writer.Line(check);
        }

        WriteConditionChecks(writer, model, names);

        if (tails.Count == 0)
        {
            writer.Line("return MinWireSize;");
        }
        else
        {
            writer.Line("var size = MinWireSize;");

            // While every size so far is bounded (a conditional member's is its size when present), the sum cannot pass
            // 2 GiB, so it is added plainly; after the first unbounded one, each addition is checked.
            long? most = model.Layout.RuntimeSizedStructs.Count == 0 ? model.Layout.ConstantMinSize : null;
            foreach (var (place, size) in tails)
            {
                if (place.Field.LengthFrom is not null)
                {
                    Fields.LengthWriteCode.WriteSize(writer, model, place, names);
                    most = null;
                    continue;
                }

                most = most + (place.Field.Condition is not null ? LayoutPlan.PresentHeadSize(place.Field) : null);
                writer.Line(most <= int.MaxValue
                    ? $"size += {size};"
                    : $"size = {RuntimeNames.WireLength}.Add(size, {size}, {FieldCode.Quoted(place.Field)});");
            }

            writer.Line("return size;");
        }

        writer.Close();
        writer.Close();
    }

    // The checks WireSize makes of conditional members: present exactly when their selectors call for it, each value one
    // the wire can carry.
    private static void WriteConditionChecks(SourceWriter writer, StructModel model, LocalNames names)
    {
        foreach (var conditional in model.Layout.Fields.Where(p => p.Field.Condition is not null))
        {
            Fields.ConditionCode.WriteSizeCheck(writer, model, conditional, names);
        }
    }

    // A conditional structure of known size (a plain one) still checks its own members on encode (a [FixedLength]
    // array's length, say), in its WireSize; the sum that would call it is skipped, so it is called for the checks alone,
    // and for a structure with nothing to check the JIT folds the call to its constant.
    private static void WriteNestedChecks(SourceWriter writer, StructModel model, LocalNames names)
    {
        foreach (var place in model.Layout.Fields.Where(p => p.Field.Condition is not null && p.Field.Kind == FieldKind.Struct
            && p.Field.ElementTypeName is not (RuntimeNames.Ipv4Address or RuntimeNames.Ipv6Address)))
        {
            var value = names.Temporary(names.Of(place.Field) + "Checked");
            writer.Open($"if (this.{place.Field.Name} is {{ }} {value})");
            writer.Line($"_ = {value}.WireSize;");
            writer.Close();
            writer.Line();
        }
    }

    /// <summary>
    /// The most bytes a value can take, when its <c>WireSize</c> does nothing but check conditional members and add
    /// bounded sizes (each present member's size is known); null otherwise, or when no member is conditional.
    /// </summary>
    private static long? MostWithOnlyConditionChecks(StructModel model)
    {
        var plan = model.Layout;
        if (plan.RuntimeSizedStructs.Count > 0 || !plan.Fields.Any(p => p.Field.Condition is not null))
        {
            return null;
        }

        long most = plan.ConstantMinSize;
        foreach (var place in plan.Fields)
        {
            if (place.Field.LengthFrom is not null || place.Field.Switch is not null || FieldCode.ConstantSizeCheck(place) is not null)
            {
                return null;
            }

            if (place.Field.Condition is not null)
            {
                if (LayoutPlan.PresentHeadSize(place.Field) is not { } present)
                {
                    return null;
                }

                most += present;
            }
            else if (FieldCode.CheckedTailSize(place) is not null)
            {
                return null;
            }
        }

        return most <= int.MaxValue ? most : null;
    }

    private static void WriteEquality(SourceWriter writer, StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var compared = model.Layout.Fields.Where(p => p.Equality != EqualityForm.Skipped).ToList();
        var comparisons = compared.Select(Compare).ToList();
        writer.Line(compared.Count == model.Fields.Count
            ? "/// <summary>Whether <paramref name=\"other\"/> has the same field values, comparing bytes and arrays by content.</summary>"
            : model.Fields.Any(f => f.LengthOf is not null) || model.Layout.Checksums.Count > 0
                ? "/// <summary>Whether <paramref name=\"other\"/> has the same field values, comparing bytes and arrays by content; derived fields (fixed values, lengths, counts and checksums) are skipped, since encoding derives them.</summary>"
                : "/// <summary>Whether <paramref name=\"other\"/> has the same field values, comparing bytes and arrays by content; fixed fields are skipped, since both encode their constant.</summary>");
        if (model.IsValueType)
        {
            writer.Line($"public bool Equals({self} other) =>");
            writer.Line("    " + string.Join("\n        && ", comparisons.DefaultIfEmpty("true")) + ";");
        }
        else
        {
            var modifier = model.IsSealed ? string.Empty : "virtual ";
            var identity = model.BaseIsRecord ? "base.Equals(other)" : "other is not null && EqualityContract == other.EqualityContract";
            writer.Line($"public {modifier}bool Equals({self}? other) =>");
            writer.Line($"    global::System.Object.ReferenceEquals(this, other) || ({identity}");
            foreach (var comparison in comparisons)
            {
                writer.Line("        && " + comparison);
            }

            writer.Line("    );");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override int GetHashCode()");
        writer.Line("var hash = new global::System.HashCode();");
        if (!model.IsValueType)
        {
            writer.Line(model.BaseIsRecord ? "hash.Add(base.GetHashCode());" : "hash.Add(EqualityContract);");
        }

        foreach (var place in compared)
        {
            if (place.Equality == EqualityForm.Content && place.Field.Condition is not null)
            {
                writer.Line($"hash.Add(this.{place.Field.Name} is null);");
            }

            writer.Line(place.Equality == EqualityForm.Content
                ? $"hash.Add({RuntimeNames.WireEquality}.Hash(this.{place.Field.Name}));"
                : $"hash.Add(this.{place.Field.Name});");
        }

        writer.Line("return hash.ToHashCode();");
        writer.Close();
    }

    private static string Compare(FieldPlan place) => place.Equality switch
    {
        // Content equality takes null as empty; a conditional member's absence is not an empty value.
        EqualityForm.Content when place.Field.Condition is not null => $"(this.{place.Field.Name} is null) == (other.{place.Field.Name} is null) && {RuntimeNames.WireEquality}.Equal(this.{place.Field.Name}, other.{place.Field.Name})",
        EqualityForm.Content => $"{RuntimeNames.WireEquality}.Equal(this.{place.Field.Name}, other.{place.Field.Name})",
        EqualityForm.Operator => $"this.{place.Field.Name} == other.{place.Field.Name}",
        _ => $"global::System.Collections.Generic.EqualityComparer<{place.Field.MemberTypeName}>.Default.Equals(this.{place.Field.Name}, other.{place.Field.Name})",
    };

    /// <summary>A packet number as the byte-typed members hold it: a header's wider type keeps only its low byte there.</summary>
    internal static string TypeByte(long packetType) => packetType <= byte.MaxValue
        ? packetType.ToString(CultureInfo.InvariantCulture)
        : $"unchecked((byte){packetType.ToString(CultureInfo.InvariantCulture)})";
}
