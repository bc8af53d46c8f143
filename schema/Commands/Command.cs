using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>
/// A packet the client sends to the driver. Frames are <c>[type u8][body]</c> with no length: the driver
/// reads exactly one command per write, so each must go in a write of its own.
/// </summary>
[ProtocolUnion(FrameFormat.TypeOnly)]
public abstract partial record Command;
