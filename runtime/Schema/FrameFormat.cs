namespace ProtocolGen;

/// <summary>How the packets of a union are framed on the wire.</summary>
public enum FrameFormat
{
    /// <summary><c>[type u8][body length u32 LE][body]</c>: a 5-byte header, then the body.</summary>
    TypeAndLength32 = 0,

    /// <summary>
    /// <c>[type u8][body]</c> with no length: the body's own fields say where it ends.
    /// Each frame must travel in a write of its own (one packet per write call).
    /// </summary>
    TypeOnly = 1,

    /// <summary>
    /// A <see cref="FrameHeaderAttribute">[FrameHeader]</see> record, then the body it declares: a union declared
    /// <c>[ProtocolUnion(typeof(THeader))]</c> has it (<c>[ProtocolUnion(FrameFormat.Header)]</c> names no header and is PG0018).
    /// </summary>
    Header = 2,
}
