using ProtocolGen.Portmaster;

// The precompiled codecs, with nothing but the runtime beneath them.
var log = new LogLine(Severity.Info, "hello");
if (Info.DecodeFrame(Info.EncodeFrame(log)) != log)
{
    Console.Error.WriteLine("Portmaster log line did not round-trip");
    return 1;
}

Console.WriteLine("portmaster ok");
return 0;
