using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a record's <c>PrintMembers</c>, so its <c>ToString</c> shows its fields only:
/// <c>Reading { Sensor = 7, TenthsCelsius = 215, From = 10.0.0.7 }</c>. The compiler's own would also print
/// the codec's public properties (<c>PacketType</c>, <c>WireSize</c>), which are not fields.
/// </summary>
internal static class PrintMembersEmitter
{
    public static void Write(SourceWriter writer, StructModel model)
    {
        if (model.DeclaresPrintMembers)
        {
            // The user's own PrintMembers wins; a second one would be CS0111.
            return;
        }

        // The signature the compiler requires of a user-declared PrintMembers for this kind of record.
        var signature = model.IsValueType || (model.IsSealed && !model.BaseIsRecord)
            ? "private bool"
            : model.BaseIsRecord ? "protected override bool" : "protected virtual bool";

        writer.Line();
        writer.Line("/// <summary>Prints the fields, in wire order, for <see cref=\"object.ToString\"/>.</summary>");
        writer.Open($"{signature} PrintMembers(global::System.Text.StringBuilder builder)");
        for (var i = 0; i < model.Fields.Count; i++)
        {
            var name = model.Fields[i].Name;
            writer.Line($"builder.Append(\"{(i == 0 ? string.Empty : ", ")}{name} = \");");
            writer.Line($"builder.Append((object?)this.{name});");
        }

        writer.Line(model.Fields.Count == 0 ? "return false;" : "return true;");
        writer.Close();
    }
}
