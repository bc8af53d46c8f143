namespace ProtocolGen.Generator.Model;

/// <summary>The C# keyword of each primitive wire type, for generated casts and for diagnostics that name a type.</summary>
internal static class PrimitiveKeywords
{
    public static string Keyword(this PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Byte => "byte",
        PrimitiveType.SByte => "sbyte",
        PrimitiveType.Boolean => "bool",
        PrimitiveType.UInt16 => "ushort",
        PrimitiveType.Int16 => "short",
        PrimitiveType.UInt32 => "uint",
        PrimitiveType.Int32 => "int",
        PrimitiveType.UInt64 => "ulong",
        _ => "long",
    };
}
