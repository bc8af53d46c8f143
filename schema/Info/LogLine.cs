using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>A line of the driver's log. The driver drops text longer than about 500 bytes rather than split it.</summary>
/// <param name="Severity">How serious the line is.</param>
/// <param name="Line">The text, UTF-8 to the end of the frame.</param>
[Packet(0)]
public sealed partial record LogLine(Severity Severity, [RestOfFrame] string Line) : Info;
