using System.Collections.Immutable;
using ProtocolGen;
using ProtocolGen.Portmaster;
using Weather;

// Encodes one packet of each kind, decodes the stream back and checks every packet and byte survives.
Station[] sent =
[
    new Reading(7, -40, true, Unit.Celsius),
    new Note(new Ipv4Address(10, 0, 0, 1), "storm", [1, 2, 3]),
    new Batch((Unit)99, ImmutableArray.Create(new Sample(1, -1), new Sample(uint.MaxValue, short.MaxValue))),
];

var stream = sent.SelectMany(Station.EncodeFrame).ToArray();
var received = new List<Station>();
foreach (var frame in Station.DecodeFrames(stream))
{
    if (!frame.IsPacket)
    {
        Console.Error.WriteLine(frame.Error.Message);
        return 1;
    }

    received.Add(frame.Packet);
}

if (!sent.SequenceEqual(received))
{
    Console.Error.WriteLine("decoded packets differ from the ones encoded");
    return 1;
}

// The exact bytes of one frame: [type 1][length 12 LE][sensor 7][value -40][valid 1][unit 1].
var reading = Convert.ToHexString(Station.EncodeFrame(sent[0]));
if (reading != "010C0000000700D8FFFFFFFFFFFFFF0101")
{
    Console.Error.WriteLine($"unexpected bytes {reading}");
    return 1;
}

// The precompiled Portmaster codecs work beside the consumer's own.
var log = new LogLine(Severity.Info, "hello");
if (Info.DecodeFrame(Info.EncodeFrame(log)) != log)
{
    Console.Error.WriteLine("Portmaster log line did not round-trip");
    return 1;
}

Console.WriteLine($"round trip ok: {received.Count} packets, {stream.Length} bytes");
return 0;
