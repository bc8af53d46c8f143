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
}
