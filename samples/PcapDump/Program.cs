using System;
using ProtocolGen.Samples.PcapDump;

// pcapdump FILE.pcap: one tshark-like summary line per frame.
return PcapDumpCommand.Run(args, Console.Out, Console.Error);
