namespace ProtocolGen;

/// <summary>The width of a length or count prefix, always an unsigned integer.</summary>
public enum PrefixWidth
{
    /// <summary>An unsigned 8-bit prefix (at most 255).</summary>
    U8 = 1,

    /// <summary>An unsigned 16-bit prefix (at most 65,535).</summary>
    U16 = 2,

    /// <summary>An unsigned 32-bit prefix.</summary>
    U32 = 4,
}
