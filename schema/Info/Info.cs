using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>
/// A packet the driver sends to its client (connections, log lines, bandwidth statistics). Frames are
/// <c>[type u8][body length u32 LE][body]</c>; the driver fills each read with as many as fit.
/// </summary>
[ProtocolUnion(FrameFormat.TypeAndLength32)]
public abstract partial record Info;
