using System;
using ProtocolGen.Samples.PcapDump;

// pcapdump [--json] FILE.pcap: one tshark-like summary line per frame, or one line of JSON with every field.
return PcapDumpCommand.Run(args, Console.Out, Console.Error);
