namespace ProtocolGen.Generator.Model;

/// <summary>
/// The runtime's <c>ProtocolGen.FrameFormat</c>, value for value: how a union's frames are laid out. The generator
/// does not reference the runtime, so it reads the attribute's number into this.
/// </summary>
internal enum FrameFormat
{
    /// <summary><c>[type u8][body length u32 LE][body]</c>.</summary>
    TypeAndLength32 = 0,

    /// <summary><c>[type u8][body]</c>: the body's own fields say where it ends.</summary>
    TypeOnly = 1,

    /// <summary>A <c>[FrameHeader]</c> record, then the body: <c>[ProtocolUnion(typeof(THeader))]</c>.</summary>
    Header = 2,
}
