using System;
using System.IO;
using ProtocolGen;
using ProtocolGen.Portmaster;
using SharpFuzz;

namespace ProtocolGen.Fuzz;

/// <summary>
/// The coverage-guided fuzz targets, one per run: <c>info</c> and <c>command</c> decode the input as a stream of
/// frames, <c>json-info</c> and <c>json-command</c> read it as one packet's JSON. Any exception that is not the
/// documented, typed one is a crash; so is a decoded packet that does not survive encoding and decoding again.
/// With <c>--replay FILE...</c>, runs files through a target without the fuzzer (to check a crash or a corpus).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: ProtocolGen.Fuzz info|command|json-info|json-command [--replay FILE...]");
            return 2;
        }

        Action<byte[]> target = args[0] switch
        {
            "info" => FuzzTargets.Frames<Info>,
            "command" => FuzzTargets.Frames<Command>,
            "json-info" => FuzzTargets.Json<Info>,
            "json-command" => FuzzTargets.Json<Command>,
            _ => throw new ArgumentException($"unknown target '{args[0]}'"),
        };

        if (args.Length > 1 && args[1] == "--replay")
        {
            foreach (var file in args[2..])
            {
                target(File.ReadAllBytes(file));
            }

            Console.WriteLine($"{args.Length - 2} inputs ran through {args[0]} without a crash");
            return 0;
        }

        Fuzzer.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.ToArray());
        });
        return 0;
    }
}
