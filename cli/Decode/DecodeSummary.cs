using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProtocolGen.Framing;

namespace ProtocolGen.Cli.Decode;

/// <summary>Counts decoded frames per packet kind and per error kind, for the summary on standard error.</summary>
internal sealed class DecodeSummary
{
    private readonly SortedDictionary<byte, (string Name, long Count)> _packets = new();
    private readonly SortedDictionary<string, long> _errors = new(System.StringComparer.Ordinal);

    public long Frames { get; private set; }

    public long Errors { get; private set; }

    public void Add<TUnion>(in FrameResult<TUnion> frame)
        where TUnion : IPacketUnion<TUnion>
    {
        Frames++;
        if (frame.IsPacket)
        {
            var type = frame.Packet.PacketType;
            var count = _packets.TryGetValue(type, out var entry) ? entry.Count : 0;
            _packets[type] = (TUnion.GetPacketName(type) ?? type.ToString(CultureInfo.InvariantCulture), count + 1);
        }
        else
        {
            Errors++;
            var kind = ProtocolErrorKinds.ToWireName(frame.Error.Kind);
            _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>Prints the frame count, then one line per packet kind (in type-byte order) and per error kind.</summary>
    public void WriteTo(TextWriter output, string source, long bytes)
    {
        var width = _packets.Values.Select(p => p.Name.Length).Append("errors".Length).Max();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {Frames} frames in {bytes} bytes, {Errors} bad"));
        foreach (var (name, count) in _packets.Values)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}  {count,8}"));
        }

        if (Errors > 0)
        {
            var kinds = string.Join(", ", _errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"errors".PadRight(width)}  {Errors,8}  ({kinds})"));
        }
    }
}
