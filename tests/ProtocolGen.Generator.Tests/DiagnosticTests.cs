using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProtocolGen.Generator.Tests;

/// <summary>Each diagnostic of the catalogue fires where the schema is wrong, and says which member and what to do.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System;\nusing System.Collections.Immutable;\nusing ProtocolGen;\n\n";
    private const string Union = "[ProtocolUnion(FrameFormat.TypeAndLength32)]\npublic abstract partial record U;\n\n";
    private const string TwoPackets = "[Packet(1)]\npublic sealed partial record A(int X) : U;\n\n[Packet(2)]\npublic sealed partial record B(int X) : U;\n\n";
    private const string UnknownAndError = "    public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) { }\n    public void HandleError(ProtocolError error) { }\n";

    // A hand-written codec with no JSON form (IWireStruct alone).
    private const string RawCodec = "public sealed record Raw(ushort Value) : IWireStruct<Raw>\n{\n    public static int MinWireSize => 2;\n    public static bool IsFixedSize => true;\n    public int WireSize => 2;\n" +
        "    public static bool TryReadFrom(ref ProtocolGen.Wire.WireReader reader, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Raw value)\n    {\n        var v = reader.ReadUInt16();\n        value = new Raw(v);\n        return !reader.HasFailed;\n    }\n\n" +
        "    public void WriteTo(ref ProtocolGen.Wire.WireWriter writer) => writer.WriteUInt16(Value);\n}\n\n";

    public static TheoryData<string, string> Cases() => new()
    {
        { "PG0001", Union + "[Packet(1)]\npublic sealed record {|PG0001:P|}(int A) : U;" },
        { "PG0001", Union + "public static class Outer\n{\n    [Packet(1)]\n    public sealed partial record {|PG0001:P|}(int A) : U;\n}" },
        { "PG0001", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic abstract record {|PG0001:U|};" },
        { "PG0001", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic abstract record {|PG0001:U|};\n\n[Packet(1)]\npublic sealed partial record P(int A) : U;\n\n[Packet(2)]\npublic sealed partial record Q(int A) : U;" },
        { "PG0001", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic interface {|PG0001:IU|};\n\n[Packet(1)]\npublic sealed partial record P(int A) : IU;" },
        { "PG0001", Union + "[WireStruct]\npublic readonly record struct {|PG0001:S|}(int X);\n\n[Packet(1)]\npublic sealed partial record P(S Where, [CountPrefix(PrefixWidth.U8)] S[] Path) : U;" },
        { "PG0001", Union + "[WireStruct]\npublic readonly record struct {|PG0001:S|}(int X);\n\n[WireStruct]\npublic readonly partial record struct Outer(S Inner);\n\n[Packet(1)]\npublic sealed partial record P(Outer Where) : U;\n\n[Packet(2)]\npublic sealed partial record Q(int A) : U;" },
        { "PG0002", "[Packet(1)]\npublic sealed partial record {|PG0002:P|}(int A);" },
        { "PG0003", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial interface IA;\n\n[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial interface IB;\n\n[Packet(1)]\npublic sealed partial record {|PG0003:P|}(int A) : IA, IB;\n\n[Packet(2)]\npublic sealed partial record Q(int A) : IA;\n\n[Packet(3)]\npublic sealed partial record R(int A) : IB;" },
        { "PG0003", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial interface IA;\n\n[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial interface IB;\n\n[Packet(1)]\npublic sealed partial record {|PG0003:P|}(int A) : IA, IB;\n\n[Packet(2)]\npublic sealed partial record Q(int A) : IA;" },
        { "PG0004", Union + "[Packet(7)]\npublic sealed partial record A(int X) : U;\n\n[Packet(7)]\npublic sealed partial record {|PG0004:B|}(int X) : U;" },
        { "PG0005", Union + "[Packet(256)]\npublic sealed partial record {|PG0005:P|}(int A) : U;\n\n[Packet(1)]\npublic sealed partial record Q(int A) : U;" },
        { "PG0005", Union + "[Packet(-1)]\npublic sealed partial record {|PG0005:P|}(int A) : U;\n\n[Packet(1)]\npublic sealed partial record Q(int A) : U;" },
        { "PG0005", Union + "[Packet(300)]\npublic sealed partial record {|PG0005:P|}(int A) : U;" },
        { "PG0005", Union + "[Packet(0x8000_0000)]\npublic sealed partial record {|PG0005:P|}(int A) : U;" },
        { "PG0006", Union + "[Packet(1)]\npublic sealed partial record P(int A, double {|PG0006:B|}) : U;" },
        { "PG0006", Union + "[Packet(1)]\npublic sealed partial record P([CountPrefix(PrefixWidth.U8)] string[] {|PG0006:Names|}) : U;" },
        { "PG0007", Union + "[Packet(1)]\npublic sealed partial record P(string {|PG0007:Name|}) : U;" },
        { "PG0007", Union + "[Packet(1)]\npublic sealed partial record P(ReadOnlyMemory<byte> {|PG0007:Data|}) : U;" },
        { "PG0007", Union + "[Packet(1)]\npublic sealed partial record P(uint[] {|PG0007:Values|}) : U;" },
        { "PG0008", Union + "[Packet(1)]\npublic sealed partial record P([RestOfFrame] string {|PG0008:Text|}, int After) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedLength(4), LengthPrefix(PrefixWidth.U8)] byte[] {|PG0009:Data|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([LengthPrefix(PrefixWidth.U8)] int {|PG0009:Count|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([BigEndian] Ipv4Address {|PG0009:Address|}) : U;" },
        { "PG0010", Union + "public sealed record Plain(int X);\n\n[Packet(1)]\npublic sealed partial record P(Plain {|PG0010:Where|}) : U;" },
        { "PG0010", Union + "public readonly record struct Plain(int X);\n\n[Packet(1)]\npublic sealed partial record P([CountPrefix(PrefixWidth.U8)] Plain[] {|PG0010:Points|}) : U;" },
        { "PG0011", "[ProtocolUnion(FrameFormat.TypeAndLength32)]\npublic abstract partial record {|PG0011:Lonely|};" },
        { "PG0012", Union + "[Packet(1)]\npublic sealed partial record P(int A) : U\n{\n    public int {|PG0012:Extra|} { get; set; }\n}" },
        { "PG0012", Union + "[Packet(1)]\npublic sealed partial record P(int A) : U\n{\n    private readonly int {|PG0012:_cache|};\n}" },
        { "PG0013", Union + "[Packet(1)]\npublic sealed partial record {|PG0013:P|}<T>(int A) : U;" },
        { "PG0013", Union + "public partial class Outer<T>\n{\n    [Packet(2)]\n    public sealed partial record {|PG0013:Q|}(int A) : U;\n}" },
        { "PG0013", "public partial class Outer<T>\n{\n    [ProtocolUnion(FrameFormat.TypeOnly)]\n    public abstract partial record {|PG0013:V|};\n}" },
        { "PG0014", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial interface IU;\n\n[Packet(1)]\npublic sealed partial class {|PG0014:P|} : IU;" },
        { "PG0015", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial record {|PG0015:U|};" },
        { "PG0015", "[ProtocolUnion(FrameFormat.TypeOnly)]\npublic partial record {|PG0015:U|};\n\n[Packet(1)]\npublic sealed partial record P(int A) : U;" },
        { "PG0016", Union + "[Packet(1)]\npublic sealed partial record P([FixedLength(0)] byte[] {|PG0016:Data|}) : U;" },
        { "PG0016", Union + "[Packet(1)]\npublic sealed partial record P([FixedLength(-2)] string {|PG0016:Name|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([NullTerminated] byte[] {|PG0009:Data|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([NullTerminated, LengthPrefix(PrefixWidth.U8)] string {|PG0009:Name|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedLength(8), LengthPrefix(PrefixWidth.U8)] string {|PG0009:Name|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedLength(8), BigEndian] string {|PG0009:Name|}) : U;" },
        { "PG0017", Union + "[Packet(1)]\npublic sealed partial record P([LengthPrefix((PrefixWidth)3)] string {|PG0017:Text|}) : U;" },
        { "PG0017", Union + "[Packet(1)]\npublic sealed partial record P([CountPrefix((PrefixWidth)8)] uint[] {|PG0017:Values|}) : U;" },
        { "PG0019", "[WireStruct]\npublic sealed partial record Node(int Value, Node {|PG0019:Next|});" },
        { "PG0019", "[WireStruct]\npublic sealed partial record Tree(int Value, [CountPrefix(PrefixWidth.U8)] ImmutableArray<Tree> {|PG0019:Children|});" },
        { "PG0018", "[ProtocolUnion((FrameFormat)9)]\npublic abstract partial record {|PG0018:U|};" },
        { "PG0020", Union + TwoPackets + "[ExhaustiveHandler]\npublic struct {|PG0020:H|} : U.IHandler\n{\n    public void Handle(A packet) { }\n" + UnknownAndError + "}" },
        { "PG0020", Union + TwoPackets + "[ExhaustiveHandler]\npublic sealed class {|PG0020:Views|} : U.IViewHandler\n{\n    public void Handle(B.View packet) { }\n" + UnknownAndError + "}" },
        { "PG0021", Union + RawCodec + "[Packet(1)]\npublic sealed partial record P(byte A, Raw {|PG0021:Where|}) : U;" },
        { "PG0021", Union + RawCodec + "[WireStruct]\npublic sealed partial record Route([CountPrefix(PrefixWidth.U8)] ImmutableArray<Raw> {|PG0021:Hops|});\n\n[Packet(1)]\npublic sealed partial record P(Route R) : U;" },
        { "PG0022", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8)] short {|PG0022:Delta|}, [Bits(4)] byte B) : U;" },
        { "PG0022", Union + "public enum Kind { A, B }\n\n[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8)] Kind {|PG0022:Kind|}, [Bits(4)] byte B) : U;" },
        { "PG0022", Union + "[Packet(1)]\npublic sealed partial record P([Bits(8, Container = 8)] Ipv4Address {|PG0022:Address|}) : U;" },
        { "PG0023", Union + "[Packet(1)]\npublic sealed partial record P([Bits(9, Container = 16)] byte {|PG0023:Wide|}, [Bits(7)] byte B) : U;" },
        { "PG0023", Union + "[Packet(1)]\npublic sealed partial record P([Bits(2, Container = 8)] bool {|PG0023:Flag|}, [Bits(6)] byte B) : U;" },
        { "PG0023", Union + "[Packet(1)]\npublic sealed partial record P([Bits(0, Container = 8)] byte {|PG0023:None|}, [Bits(8)] byte B) : U;" },
        { "PG0024", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8)] byte {|PG0024:Version|}, [Bits(3)] byte B) : U;" },
        { "PG0024", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8)] byte {|PG0024:Version|}, [Bits(3)] byte B, ushort Total, [Bits(1)] bool C) : U;" },
        { "PG0024", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8)] byte {|PG0024:Version|}, [Bits(6)] byte B) : U;" },
        { "PG0024", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Bits(4)] byte {|PG0024:Loose|}, [Bits(4)] byte B) : U;" },
        { "PG0025", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 12)] byte {|PG0025:Version|}, [Bits(8)] byte B) : U;" },
        { "PG0025", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8)] byte A, [Bits(4, Order = BitOrder.LsbFirst)] byte {|PG0025:B|}) : U;" },
        { "PG0025", Union + "[Packet(1)]\npublic sealed partial record P([Bits(8, Container = 16)] byte A, [Bits(8), BigEndian] byte {|PG0025:B|}) : U;" },
        { "PG0026", Union + "[Packet(1)]\npublic sealed partial record P([Bits(4, Container = 8), Fixed(16)] byte {|PG0026:Version|}, [Bits(4)] byte B) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([Bits(8, Container = 8), LengthPrefix(PrefixWidth.U8)] byte[] {|PG0009:Data|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([Bits(8, Container = 8), Reserved, Fixed(0)] byte {|PG0009:Spare|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([Reserved] string {|PG0009:Spare|}) : U;" },
        { "PG0026", Union + "[Packet(1)]\npublic sealed partial record P([Fixed(300)] byte {|PG0026:Version|}) : U;" },
        { "PG0026", Union + "[Packet(1)]\npublic sealed partial record P([Fixed(-1)] uint {|PG0026:Length|}) : U;" },
        { "PG0026", Union + "[Packet(1)]\npublic sealed partial record P([Fixed(\"4\")] ushort {|PG0026:Version|}) : U;" },
        { "PG0026", Union + "[Packet(1)]\npublic sealed partial record P([Fixed(1)] bool {|PG0026:Flag|}) : U;" },
        { "PG0026", Union + "public enum Other : byte { A }\npublic enum Kind : byte { A }\n\n[Packet(1)]\npublic sealed partial record P([Fixed(Other.A)] Kind {|PG0026:Kind|}) : U;" },
        { "PG0026", "[WireUnion]\npublic partial interface IBody;\n\n[WireStruct]\npublic sealed partial record Frame(byte Kind, [Switch(nameof(Kind))] IBody Body);\n\n[WireStruct]\npublic sealed partial record Other(byte Kind, [Switch(nameof(Kind))] IBody Body);\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCase(256)]\npublic sealed partial record {|PG0026:B|}(byte Y) : IBody;" },
        { "PG0026", "[WireUnion]\npublic partial interface IBody;\n\n[WireStruct]\npublic sealed partial record Frame(sbyte Kind, [Switch(nameof(Kind))] IBody Body);\n\n[WireCase(-128)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCase(200)]\npublic sealed partial record {|PG0026:B|}(byte Y) : IBody;" },
        { "PG0026", Union + "[ClosedEnum]\npublic enum Kind : byte { A, B }\n\n[Packet(1)]\npublic sealed partial record P([Fixed(5)] Kind {|PG0026:Kind|}) : U;" },
        { "PG0026", Union + ClosedFlags + "[Packet(1)]\npublic sealed partial record P([Fixed(4)] Bits {|PG0026:Bits|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([Fixed(1), LengthPrefix(PrefixWidth.U8)] string {|PG0009:Name|}) : U;" },
        { "PG0009", "[ProtocolUnion(FrameFormat.TypeOnly), Magic(0x7E)]\npublic abstract partial record {|PG0009:V|};\n\n[Packet(1)]\npublic sealed partial record P(byte A) : V;" },
        { "PG0009", "[Magic(\"PG\")]\npublic sealed partial record {|PG0009:NotAStruct|}(byte A);" },
        { "PG0027", Union + "[Packet(1), Magic]\npublic sealed partial record {|PG0027:P|}(byte A) : U;" },
        { "PG0027", Union + "[Packet(1), Magic(\"\")]\npublic sealed partial record {|PG0027:P|}(byte A) : U;" },
        { "PG0027", "[WireStruct, Magic(\"\u00e9t\u00e9\")]\npublic sealed partial record {|PG0027:S|}(byte A);" },
        { "PG0040", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet)] uint {|PG0040:Sum|}) : U;" },
        { "PG0040", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Crc32)] ushort {|PG0040:Crc|}) : U;" },
        { "PG0040", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet)] int {|PG0040:Sum|}) : U;" },
        { "PG0040", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Crc32, ZeroMeansNone = true)] uint {|PG0040:Crc|}) : U;" },
        { "PG0040", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Crc32, PseudoHeader = true)] uint {|PG0040:Crc|}) : U;" },
        { "PG0040", Union + Fletcher + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(typeof(F16))] uint {|PG0040:Sum|}) : U;" },
        { "PG0041", Union + "[Packet(1)]\npublic sealed partial record P([Checksum(ChecksumAlgorithm.Crc32)] uint {|PG0041:Crc|}, byte A) : U;" },
        { "PG0041", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet, From = \"Nope\")] ushort {|PG0041:Sum|}) : U;" },
        { "PG0041", Union + "[Packet(1)]\npublic sealed partial record P(byte A, byte B, [Checksum(ChecksumAlgorithm.Internet, From = nameof(B), Through = nameof(A))] ushort {|PG0041:Sum|}) : U;" },
        { "PG0041", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet, Through = nameof(B))] ushort First, byte B, [Checksum(ChecksumAlgorithm.Internet, From = nameof(B))] ushort {|PG0041:Second|}) : U;" },
        { "PG0041", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet)] ushort First, [Checksum(ChecksumAlgorithm.Internet)] ushort {|PG0041:Second|}) : U;" },
        { "PG0042", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(typeof(string))] ushort {|PG0042:Sum|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet), Fixed(1)] ushort {|PG0009:Sum|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P(byte A, [Checksum(ChecksumAlgorithm.Internet), LengthPrefix(PrefixWidth.U8)] byte[] {|PG0009:Sum|}) : U;" },
        { "PG0028", Union + "[Packet(1)]\npublic sealed partial record P([FixedCount(0)] ushort[] {|PG0028:Levels|}) : U;" },
        { "PG0028", Union + "[Packet(1)]\npublic sealed partial record P([FixedCount(-3)] ImmutableArray<byte> {|PG0028:Data|}) : U;" },
        { "PG0028", Union + "[Packet(1)]\npublic sealed partial record P([PadBefore(-1)] uint {|PG0028:Stamp|}) : U;" },
        { "PG0028", Union + "[Packet(1)]\npublic sealed partial record P([PadAfter(0, MustBeZero = true)] byte {|PG0028:Flags|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedCount(4)] uint {|PG0009:Stamp|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedCount(4)] string {|PG0009:Name|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedCount(4), CountPrefix(PrefixWidth.U8)] ushort[] {|PG0009:Levels|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([FixedCount(4), RestOfFrame] byte[] {|PG0009:Data|}) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([PadAfter(2), LengthPrefix(PrefixWidth.U8)] string {|PG0009:Name|}) : U;" },
        { "PG0009", Union + "[Packet(1), BigEndian]\npublic sealed partial record P([Bits(4, Container = 8), PadBefore(1)] byte {|PG0009:Version|}, [Bits(4)] byte Length) : U;" },
        { "PG0009", Union + "[Packet(1), BigEndian]\npublic sealed partial record P([Checksum(ChecksumAlgorithm.Internet), LengthOf(nameof(Data))] ushort {|PG0009:Sum|}, byte[] Data) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([LengthPrefix(PrefixWidth.U8)] byte[] Data, [Checksum(ChecksumAlgorithm.Internet), PadBefore(1)] ushort {|PG0009:Sum|}) : U;" },
        { "PG0009", Union + "[WireStruct]\npublic sealed partial record S(byte A, [LengthPrefix(PrefixWidth.U8)] string B);\n\n[Packet(1)]\npublic sealed partial record P([PadBefore(1)] S {|PG0009:Inner|}) : U;" },
        { "PG0043", Union + "public readonly record struct Port(ushort Number);\n\npublic sealed class PortBytes : IWireConverter<Port, ushort>\n{\n    public static bool TryFromWire(ushort wire, out Port value) { value = new Port(wire); return true; }\n    public static ushort ToWire(Port value) => value.Number;\n}\n\n[Packet(1)]\npublic sealed partial record P([WireConverter(typeof(PortBytes))] uint {|PG0043:Number|}) : U;" },
        { "PG0043", Union + "public sealed class Texts : IWireConverter<string, string>\n{\n    public static bool TryFromWire(string wire, out string value) { value = wire; return true; }\n    public static string ToWire(string value) => value;\n}\n\n[Packet(1)]\npublic sealed partial record P([WireConverter(typeof(Texts))] string {|PG0043:Name|}) : U;" },
        { "PG0043", Union + "public sealed class Sized : IWireBytesConverter<Guid>\n{\n    public static int Size => 4 * 4;\n    public static bool TryRead(ReadOnlySpan<byte> bytes, out Guid value) { value = new Guid(bytes); return true; }\n    public static void Write(Guid value, Span<byte> bytes) => value.TryWriteBytes(bytes);\n}\n\n[Packet(1)]\npublic sealed partial record P([WireConverter(typeof(Sized))] Guid {|PG0043:Id|}) : U;" },
        { "PG0044", Union + "public readonly record struct Port(ushort Number);\n\npublic sealed class PortBytes : IWireConverter<Port, ushort>\n{\n    public static bool TryFromWire(ushort wire, out Port value) { value = new Port(wire); return true; }\n    public static ushort ToWire(Port value) => value.Number;\n}\n\n[Packet(1)]\npublic sealed partial record P([WireConverter(typeof(PortBytes))] Port {|PG0044:Port|}) : U;" },
        { "PG0009", Union + "public readonly record struct Port(ushort Number);\n\npublic sealed class PortBytes : IWireConverter<Port, ushort>\n{\n    public static bool TryFromWire(ushort wire, out Port value) { value = new Port(wire); return true; }\n    public static ushort ToWire(Port value) => value.Number;\n}\n\n[Packet(1)]\npublic sealed partial record P([WireConverter(typeof(PortBytes)), LengthPrefix(PrefixWidth.U8)] Port {|PG0009:Port|}) : U;" },
        { "PG0009", Union + "public readonly record struct Port(ushort Number);\n\npublic sealed class PortBytes : IWireConverter<Port, ushort>\n{\n    public static bool TryFromWire(ushort wire, out Port value) { value = new Port(wire); return true; }\n    public static ushort ToWire(Port value) => value.Number;\n}\n\n[Packet(1), BigEndian]\npublic sealed partial record P([WireConverter(typeof(PortBytes)), Bits(16, Container = 16)] Port {|PG0009:Port|}) : U;" },
        { "PG0029", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(\"Data\")] ushort {|PG0029:Length|}, byte[] Payload) : U;" },
        { "PG0029", Union + "[Packet(1)]\npublic sealed partial record P([CountOf(\"Item\")] byte {|PG0029:Count|}, [CountPrefix(PrefixWidth.U8)] ushort[] Items) : U;" },
        { "PG0030", Union + "[Packet(1)]\npublic sealed partial record P(byte[] Payload, [LengthOf(nameof(Payload))] ushort {|PG0030:Length|}) : U;" },
        { "PG0030", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Length))] ushort {|PG0030:Length|}) : U;" },
        { "PG0031", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Payload))] short {|PG0031:Length|}, byte[] Payload) : U;" },
        { "PG0031", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Value))] byte {|PG0031:Length|}, uint Value) : U;" },
        { "PG0031", Union + "[Packet(1)]\npublic sealed partial record P([CountOf(nameof(Name))] byte {|PG0031:Count|}, string Name) : U;" },
        { "PG0032", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Payload))] ushort {|PG0032:Length|}, [LengthPrefix(PrefixWidth.U16)] byte[] Payload) : U;" },
        { "PG0032", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Payload))] byte A, [LengthOf(nameof(Payload))] byte {|PG0032:B|}, byte[] Payload) : U;" },
        { "PG0032", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Q)), CountOf(nameof(R))] byte {|PG0032:A|}, byte[] Q, uint[] R) : U;" },
        { "PG0033", Union + "[Packet(1)]\npublic sealed partial record P([LengthOf(nameof(Payload), Scale = 0)] byte {|PG0033:Words|}, byte[] Payload) : U;" },
        { "PG0009", Union + "[Packet(1)]\npublic sealed partial record P([Fixed(4), LengthOf(nameof(Payload))] byte {|PG0009:Length|}, byte[] Payload) : U;" },
        { "PG0035", "[WireUnion]\npublic partial interface IBody;\n\n[WireStruct]\npublic sealed partial record F([Switch(nameof(Type))] IBody {|PG0035:Body|}, byte Type);" },
        { "PG0035", "[WireUnion]\npublic partial interface IBody;\n\n[WireStruct]\npublic sealed partial record F([LengthOf(nameof(Body))] byte Type, [Switch(nameof(Type))] IBody {|PG0035:Body|});" },
        { "PG0036", "[WireStruct]\npublic sealed partial record F(byte Type, [Switch(nameof(Type))] uint {|PG0036:Body|});" },
        { "PG0036", "[WireUnion]\npublic partial interface IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, IBody {|PG0036:Body|});" },
        { "PG0036", "[WireStruct]\npublic sealed partial record F(byte Type, bool Flag, [DefaultCaseWhen(nameof(Flag), true)] byte {|PG0036:Body|});" },
        { "PG0029", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, bool Flag, [Switch(nameof(Type)), DefaultCaseWhen(\"Flg\", true)] IBody {|PG0029:Body|});" },
        { "PG0035", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Flag), true)] IBody {|PG0035:Body|}, bool Flag);" },
        { "PG0035", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, [LengthOf(nameof(Body))] byte Length, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Length), 0)] IBody {|PG0035:Body|});" },
        { "PG0026", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, byte Offset, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Offset), 300)] IBody {|PG0026:Body|});" },
        { "PG0026", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, byte Offset, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Offset))] IBody {|PG0026:Body|});" },
        { "PG0026", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, byte Offset, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Offset), 1, 1)] IBody {|PG0026:Body|});" },
        { "PG0026", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, bool Flag, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Flag), true), DefaultCaseWhen(nameof(Flag), 2)] IBody {|PG0026:Body|});" },
        { "PG0050", "[WireUnion]\npublic partial interface {|PG0050:IBody|};\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, bool Flag, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Flag), true)] IBody Body);" },
        { "PG0037", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireCase(1)]\npublic sealed partial record {|PG0037:B|}(byte Y) : IBody;" },
        { "PG0037", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(\"one\")]\npublic sealed partial record {|PG0037:A|}(byte X) : IBody;" },
        { "PG0038", "[WireUnion]\npublic partial interface IBody;\n\n[WireCaseDefault]\npublic sealed partial record {|PG0038:Other|}(byte X) : IBody;" },
        { "PG0038", "[WireUnion]\npublic partial interface IBody;\n\n[WireCaseDefault]\npublic sealed partial record A([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireCaseDefault]\npublic sealed partial record {|PG0038:B|}([RestOfFrame] byte[] Bytes) : IBody;" },
        { "PG0039", "[WireCase(1)]\npublic sealed partial record {|PG0039:A|}(byte X);" },
        { "PG0009", Union + "[WireUnion]\npublic partial interface IBody;\n\n[Packet(1), WireCase(1)]\npublic sealed partial record {|PG0009:P|}(byte X) : U, IBody;" },
        { "PG0034", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), 1)] ushort {|PG0034:Extra|});" },
        { "PG0029", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(\"Knd\", 1)] ushort? {|PG0029:Extra|});" },
        { "PG0035", "[WireStruct]\npublic sealed partial record F([PresentWhen(nameof(Kind), 1)] ushort? {|PG0035:Extra|}, byte Kind);" },
        { "PG0035", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), 1)] byte? More, [PresentWhen(nameof(More), 2)] ushort? {|PG0035:Extra|});" },
        { "PG0026", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), 300)] ushort? {|PG0026:Extra|});" },
        { "PG0026", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind))] ushort? {|PG0026:Extra|});" },
        { "PG0026", "[WireStruct]\npublic sealed partial record F([Bits(3, Container = 8)] byte Kind, [Bits(5)] byte Rest, [PresentWhen(nameof(Kind), 2, 9)] ushort? {|PG0026:Extra|});" },
        { "PG0026", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), 1, 2, 1)] ushort? {|PG0026:Extra|});" },
        { "PG0026", "[WireStruct]\npublic sealed partial record F(bool Flag, [PresentWhen(nameof(Flag), 1)] ushort? {|PG0026:Extra|});" },
        { "PG0026", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), \"4\")] ushort? {|PG0026:Extra|});" },
        { "PG0026", "[ClosedEnum]\npublic enum Mode : byte { A, B }\n\n[WireStruct]\npublic sealed partial record F(Mode Mode, [PresentWhen(nameof(Mode), 5)] ushort? {|PG0026:Extra|});" },
        { "PG0031", "[WireStruct]\npublic sealed partial record F(byte Kind, [LengthOf(nameof(Extra))] byte {|PG0031:Length|}, [PresentWhen(nameof(Kind), 1)] ushort? Extra);" },
        { "PG0031", "[WireStruct]\npublic sealed partial record R(uint A);\n\n[WireStruct]\npublic sealed partial record F(byte Kind, [LengthOf(nameof(Extra))] byte {|PG0031:Length|}, [PresentWhen(nameof(Kind), 1)] R? Extra);" },
        { "PG0031", "[WireStruct]\npublic sealed partial record F(byte Kind, [LengthOf(nameof(Extra))] byte {|PG0031:Length|}, [PresentWhen(nameof(Kind), 1), FixedLength(4)] byte[]? Extra);" },
        { "PG0009", "[WireStruct]\npublic sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), 1), LengthPrefix(PrefixWidth.U8)] string? {|PG0009:Extra|});" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct {|PG0045:H|}([FrameLength] ushort Length, [LengthPrefix(PrefixWidth.U8)] string Name);" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct H([FrameType] byte A, [FrameType] byte {|PG0045:B|}, [FrameLength] ushort Length);" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct H([FrameType] short {|PG0045:Type|}, [FrameLength] ushort Length);" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct H([FrameType] byte Type, [FrameLength] ulong Length, [FrameLength] byte {|PG0045:Words|});" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct {|PG0045:H|}([FrameType] byte Type, [Fixed(1)] byte Version);" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct H([FrameLength(Scale = 0)] ushort {|PG0045:Length|});" },
        { "PG0045", "[WireStruct]\npublic sealed partial record S([FrameType] byte {|PG0045:Type|}, ushort Length);" },
        { "PG0045", "[FrameHeader]\npublic readonly partial record struct {|PG0045:H|}([FrameType] byte Type, [Fixed(1)] byte Version);\n\n[ProtocolUnion(typeof(H))]\npublic abstract partial record V;\n\n[Packet(1)]\npublic sealed partial record P(byte X) : V;\n\n[Packet(2)]\npublic sealed partial record Q(byte X) : V;" },
        { "PG0045", "[ProtocolUnion(typeof(int))]\npublic abstract partial record {|PG0045:V|};\n\n[Packet(1)]\npublic sealed partial record P(byte X) : V;" },
        { "PG0013", "[FrameHeader]\npublic readonly partial record struct {|PG0013:H|}<T>([FrameType] byte Type, [FrameLength] ushort Length);\n\n[ProtocolUnion(typeof(H<int>))]\npublic abstract partial record V;\n\n[Packet(1)]\npublic sealed partial record P(byte X) : V;" },
        { "PG0009", "[FrameHeader, WireStruct]\npublic readonly partial record struct {|PG0009:H|}([FrameType] byte Type, [FrameLength] ushort Length);\n\n[ProtocolUnion(typeof(H))]\npublic abstract partial record V;\n\n[Packet(1)]\npublic sealed partial record P(byte X) : V;" },
        { "PG0046", "[FrameHeader]\npublic readonly partial record struct H([Bits(4, Container = 8), FrameType] byte Type, [Bits(4), FrameLength] byte Length);\n\n[ProtocolUnion(typeof(H))]\npublic abstract partial record V;\n\n[Packet(16)]\npublic sealed partial record {|PG0046:P|}(byte X) : V;\n\n[Packet(1)]\npublic sealed partial record Q(byte X) : V;" },
        { "PG0046", "[FrameHeader]\npublic readonly partial record struct H([FrameType] uint Type, [FrameLength] ushort Length);\n\n[ProtocolUnion(typeof(H))]\npublic abstract partial record V;\n\n[Packet(0x1_0000_0000)]\npublic sealed partial record {|PG0046:P|}(byte X) : V;" },
        { "PG0046", "[FrameHeader]\npublic readonly partial record struct H([FrameLength] ushort Length);\n\n[ProtocolUnion(typeof(H))]\npublic abstract partial record V;\n\n[Packet(3)]\npublic sealed partial record {|PG0046:P|}(byte X) : V;" },
        { "PG0046", "[FrameHeader]\npublic readonly partial record struct H([FrameLength] ushort Length);\n\n[ProtocolUnion(typeof(H))]\npublic abstract partial record V;\n\n[Packet(0)]\npublic sealed partial record P(byte X) : V;\n\n[Packet(0)]\npublic sealed partial record {|PG0046:Q|}(byte X) : V;" },
        { "PG0047", "[FrameHeader]\npublic readonly partial record struct H([FrameLength] ushort Length, uint {|PG0047:Timestamp|});" },
        { "PG0048", Union + "[ClosedEnum]\npublic enum {|PG0048:Mode|} : byte { }\n\n[Packet(1)]\npublic sealed partial record P(Mode M) : U;" },
        { "PG0049", Union + "[Packet(1)]\npublic sealed partial record P(uint {|PG0049:ReadOrNull|}) : U;" },
        { "PG0049", "[WireStruct]\npublic sealed partial record S(uint {|PG0049:MinWireSize|});" },
        { "PG0049", Union + "[Packet(1)]\npublic sealed partial record P(uint Id, byte {|PG0049:Kind|}) : U;" },
        { "PG0049", "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A([WireName(\"kind\")] byte {|PG0049:Code|}) : IBody;" },
        { "PG0049", "[WireStruct]\npublic sealed partial record S(uint A, byte {|PG0049:Check|});" },
        { "PG0049", "[WireStruct]\npublic sealed partial record S([LengthPrefix(PrefixWidth.U8)] string Name, uint {|PG0049:NameUtf8|});" },
        { "PG0049", "[WireStruct]\npublic sealed partial record S(byte Kind, [PresentWhen(nameof(Kind), 1)] ushort? Extra, byte {|PG0049:TryGetExtra|});" },
        { "PG0049", "[WireStruct]\npublic sealed partial record S(uint A, [LengthPrefix(PrefixWidth.U8)] string {|PG0049:ReadOrNull|});" },
        { "PG0049", "[WireStruct, Magic(\"PG\")]\npublic sealed partial record S(byte A)\n{\n    public static int {|PG0049:WireMagic|} => 2;\n}" },
        { "PG0049", Union + "[Packet(1)]\npublic sealed partial record P(byte A) : U\n{\n    public sealed class {|PG0049:View|} { }\n}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheDiagnostic_FiresOnTheMarkedSpan(string id, string source)
    {
        var test = new VerifiedGeneratorTest
        {
            // The schemas are wrong on purpose, so the compiler's own errors about them are not what is tested.
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.Sources.Add(Usings + source);

        Assert.Contains("{|" + id + ":", source);
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheMessage_NamesTheMarkedMember(string id, string source)
    {
        var match = Regex.Match(source, @"\{\|(PG\d{4}):([^|]*)\|\}");
        var plain = Usings + Regex.Replace(source, @"\{\|PG\d{4}:([^|]*)\|\}", "$1");
        var (_, _, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(plain));

        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("PG", System.StringComparison.Ordinal));
        var marked = diagnostic.Location.SourceTree?.GetText() ?? SourceText.From(plain);

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(match.Groups[2].Value, marked.ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'" + match.Groups[2].Value + "'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheDiagnostic_IsTheCompilationsOnlyError_GeneratedCodeBreaksNothingElse(string id, string source)
    {
        var plain = Usings + Regex.Replace(source, @"\{\|PG\d{4}:([^|]*)\|\}", "$1");
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(plain));

        // The generator's own diagnostics, then the compiler's over the user's code and the generated code (where a
        // warning counts too: users build with warnings as errors).
        var reported = diagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("PG", System.StringComparison.Ordinal) || IsWarningInGeneratedCode(d))
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.True(reported.Count == 1 && reported[0].StartsWith(id + ":", System.StringComparison.Ordinal), $"Expected {id} alone, got:\n" + string.Join("\n", reported));
    }

    // A [PresentWhen] value is a value of its selector, not a fixed value of the member: the message says so, and
    // a length of a conditional member is refused as such (not as a member of constant size, or as two attributes).
    [Theory]
    [InlineData("byte Kind, [PresentWhen(nameof(Kind), 300)] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Kind\", 300)], which names a value that its selector 'Kind' cannot hold, outside the range of Byte (0 to 255)")]
    [InlineData("byte Kind, [PresentWhen(nameof(Kind))] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Kind\")], which names no value of its selector 'Kind'; list the values for which the member is on the wire")]
    [InlineData("[Bits(3, Container = 8)] byte Kind, [Bits(5)] byte Rest, [PresentWhen(nameof(Kind), 2, 9)] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Kind\", 9)], which names a value that the 3 bits of its selector 'Kind' cannot hold (at most 7)")]
    [InlineData("byte Kind, [PresentWhen(nameof(Kind), 1, 2, 1)] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Kind\", ...)], which lists the value 1 of its selector 'Kind' twice; list each value once")]
    [InlineData("bool Flag, [PresentWhen(nameof(Flag), 1)] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Flag\", 1)], which names a value that is not a boolean, but its selector 'Flag' is a bool; give true or false")]
    [InlineData("byte Kind, [PresentWhen(nameof(Kind), \"4\")] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Kind\", \"4\")], which names a value that is not an integer, but its selector 'Kind' is byte")]
    [InlineData("Mode Mode, [PresentWhen(nameof(Mode), 5)] ushort? Extra",
        "Member 'Extra' is declared [PresentWhen(\"Mode\", 5)], which names a value that its selector 'Mode', of the closed enum Mode, does not name")]
    [InlineData("byte Kind, [LengthOf(nameof(Extra))] byte Length, [PresentWhen(nameof(Kind), 1)] ushort? Extra",
        "Member 'Length' is declared [LengthOf(\"Extra\")], but 'Extra' is a conditional member ([PresentWhen]), and a length cannot be taken of a conditional member; hold the member and its length in a [WireStruct], and make that conditional")]
    [InlineData("byte Kind, [LengthOf(nameof(Extra))] byte Length, [PresentWhen(nameof(Kind), 1)] R? Extra",
        "Member 'Length' is declared [LengthOf(\"Extra\")], but 'Extra' is a conditional member ([PresentWhen]), and a length cannot be taken of a conditional member; hold the member and its length in a [WireStruct], and make that conditional")]
    public void TheMessage_OfAConditionMistake_SpeaksOfTheConditionAndItsSelector(string parameters, string message)
    {
        var source = Usings + "[ClosedEnum]\npublic enum Mode : byte { A, B }\n\n[WireStruct]\npublic sealed partial record R(uint A);\n\n[WireStruct]\npublic sealed partial record F(" + parameters + ");";
        var (_, _, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("PG", System.StringComparison.Ordinal));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // [DefaultCaseWhen] shares [PresentWhen]'s rules, and its messages spell the attribute the user wrote.
    [Theory]
    [InlineData("byte Type, ushort Offset, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Offset), 0, 0, Not = true)] IBody Body",
        "Member 'Body' is declared [DefaultCaseWhen(\"Offset\", ...)], which lists the value 0 of its selector 'Offset' twice; list each value once")]
    [InlineData("byte Type, ushort Offset, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Offset))] IBody Body",
        "Member 'Body' is declared [DefaultCaseWhen(\"Offset\")], which names no value of its selector 'Offset'; list the values for which the default case is read")]
    [InlineData("byte Type, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Flag), true)] IBody Body, bool Flag",
        "Member 'Body' is declared [DefaultCaseWhen(\"Flag\", ...)], but 'Flag' comes after it; a decoder reads the selector first, so declare 'Flag' before 'Body'")]
    [InlineData("byte Type, [Bits(3, Container = 8)] byte Offset, [Bits(5)] byte Rest, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Offset), 9)] IBody Body",
        "Member 'Body' is declared [DefaultCaseWhen(\"Offset\", 9)], which names a value that the 3 bits of its selector 'Offset' cannot hold (at most 7)")]
    public void TheMessage_OfAGuardMistake_SpellsDefaultCaseWhen(string parameters, string message)
    {
        var source = Usings + "[WireUnion]\npublic partial interface IBody;\n\n[WireCaseDefault]\npublic sealed partial record O([RestOfFrame] byte[] Bytes) : IBody;\n\n[WireStruct]\npublic sealed partial record F(" + parameters + ");";
        var (_, _, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("PG", System.StringComparison.Ordinal));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AGuardedSwitchWithoutADefaultCase_IsReportedOnceOnTheUnion_NamingTheMember()
    {
        var source = Usings + "[WireUnion]\npublic partial interface IBody;\n\n[WireCase(1)]\npublic sealed partial record A(byte X) : IBody;\n\n[WireStruct]\npublic sealed partial record F(byte Type, bool Flag, byte Offset, [Switch(nameof(Type)), DefaultCaseWhen(nameof(Flag), true), DefaultCaseWhen(nameof(Offset), 0, Not = true)] IBody Body);\n\n[WireStruct]\npublic sealed partial record G(byte Type, [Switch(nameof(Type))] IBody Body);";
        var (_, _, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("PG", System.StringComparison.Ordinal));
        Assert.Equal("PG0050", diagnostic.Id);
        Assert.Equal(
            "Member 'F.Body' is declared [DefaultCaseWhen], which reads the default case of its union 'IBody' when a guard holds, but 'IBody' has no [WireCaseDefault] record; add one whose last member is [RestOfFrame] bytes, or remove the guards",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ALengthOfAConditionalStructure_TakenInsideIt_IsNotReported()
    {
        // PG0031's way out: the length beside what it measures, in the structure that is conditional.
        var source = Usings + "[WireStruct]\npublic sealed partial record Reply(byte Kind, [PresentWhen(nameof(Kind), 2)] Note? Extra);\n\n[WireStruct]\npublic sealed partial record Note([LengthOf(nameof(Text))] byte Length, string Text);";
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        var reported = diagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("PG", System.StringComparison.Ordinal) || IsWarningInGeneratedCode(d))
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(reported);
    }

    [Theory]
    [InlineData("Bits.A | Bits.B")]
    [InlineData("0")]
    public void AFixedValueOfAClosedFlagsEnum_MayBeAnyCombinationOfItsNamedBits(string value)
    {
        var source = Usings + Union + ClosedFlags + "[Packet(1)]\npublic sealed partial record P([Fixed(" + value + ")] Bits Bits) : U;";
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        var reported = diagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("PG", System.StringComparison.Ordinal) || IsWarningInGeneratedCode(d))
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(reported);
    }

    [Theory]
    [InlineData("[WireStruct]\npublic sealed partial record S(byte A)\n{\n    public static int PacketType => 1;\n    public static byte[] WireMagic => [];\n}")]
    [InlineData("[Packet(1)]\npublic sealed partial record P(string? Name) : U\n{\n    public void WriteFixed() { }\n}")]
    public void AMemberNamedLikeAGeneratedMemberOfAnotherShapeOfRecord_IsNotReported(string record)
    {
        // Structures have no packet type, records without [Magic] no WireMagic, a record that is not plain (here its
        // text has a length) no WriteFixed: those names are the user's to take.
        var source = Usings + (record.Contains(": U", System.StringComparison.Ordinal) ? Union : "") + record.Replace("string? Name", "[LengthPrefix(PrefixWidth.U8)] string Name", System.StringComparison.Ordinal);
        var (_, output, diagnostics) = GeneratorRunner.Run(GeneratorRunner.Compile(source));

        var reported = diagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("PG", System.StringComparison.Ordinal) || IsWarningInGeneratedCode(d))
            .Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(reported);
    }

    // A custom checksum of 2 bytes.
    private const string Fletcher = "public struct F16 : ProtocolGen.Wire.IWireChecksum<F16>\n{\n    public static int Size => 2;\n    public static F16 Create() => default;\n    public void Append(ReadOnlySpan<byte> data) { }\n    public readonly ulong Finish() => 0;\n}\n\n";

    private const string ClosedFlags = "[ClosedEnum, System.Flags]\npublic enum Bits : byte { A = 1, B = 2 }\n\n";

    private static bool IsWarningInGeneratedCode(Diagnostic diagnostic) =>
        diagnostic.Severity == DiagnosticSeverity.Warning
        && diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true;

    [Fact]
    public void TheCatalogue_AgreesWithTheReleaseFilesTheDocsAndTheCases_AndEveryGapIsReported()
    {
        var catalogue = DiagnosticCatalogue.Descriptors;
        var released = DiagnosticCatalogue.ReleaseRows();
        var documented = DiagnosticCatalogue.DocsTableRows();
        var sections = DiagnosticCatalogue.DocsSectionIds();
        var tested = Cases().Select(row => (string)row[0]).ToHashSet();
        var problems = new List<string>();

        foreach (var id in catalogue.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"{id}: more than one descriptor has this id");
        }

        foreach (var descriptor in catalogue)
        {
            var id = descriptor.Id;
            var severity = descriptor.DefaultSeverity.ToString();
            var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rows = released.Where(row => row.Id == id).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"{id}: in the catalogue, not in AnalyzerReleases.Shipped.md or .Unshipped.md");
            }
            else if (rows[^1] is var row && (row.Category != descriptor.Category || row.Severity != severity || row.Title != title))
            {
                problems.Add($"{id}: AnalyzerReleases says '{row.Category} | {row.Severity} | {row.Title}', the catalogue '{descriptor.Category} | {severity} | {title}'");
            }

            if (documented.FirstOrDefault(r => r.Id == id) is not { } listed)
            {
                problems.Add($"{id}: not in the table of docs/diagnostics.md");
            }
            else if (listed.Severity != severity || listed.Title != title)
            {
                problems.Add($"{id}: docs/diagnostics.md lists '{listed.Severity} | {listed.Title}', the catalogue '{severity} | {title}'");
            }

            if (!sections.Contains(id))
            {
                problems.Add($"{id}: docs/diagnostics.md has no '## {id}' section (its anchor is #{id.ToLowerInvariant()})");
            }

            if (descriptor.HelpLinkUri != DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant())
            {
                problems.Add($"{id}: its help link is '{descriptor.HelpLinkUri}', not its section '{DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant()}'");
            }

            if (!tested.Contains(id))
            {
                problems.Add($"{id}: no case in {nameof(Cases)} fires it");
            }
        }

        var ids = catalogue.Select(d => d.Id).ToHashSet();
        foreach (var id in released.Select(r => r.Id).Concat(documented.Select(r => r.Id)).Concat(sections).Concat(tested).Distinct().Where(id => !ids.Contains(id)))
        {
            problems.Add($"{id}: in the release files, the docs or the cases, but not in the catalogue");
        }

        Assert.True(catalogue.Count >= 20, $"the catalogue reflects {catalogue.Count} descriptors");
        Assert.True(problems.Count == 0, "Every gap between the catalogue and its entries:\n" + string.Join("\n", problems));
    }
}
