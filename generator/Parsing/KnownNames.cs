namespace ProtocolGen.Generator.Parsing;

/// <summary>Metadata names of the runtime types the generator recognises.</summary>
internal static class KnownNames
{
    public const string ProtocolUnionAttribute = "ProtocolGen.ProtocolUnionAttribute";
    public const string PacketAttribute = "ProtocolGen.PacketAttribute";
    public const string WireStructAttribute = "ProtocolGen.WireStructAttribute";
    public const string FixedLengthAttribute = "ProtocolGen.FixedLengthAttribute";
    public const string LengthPrefixAttribute = "ProtocolGen.LengthPrefixAttribute";
    public const string CountPrefixAttribute = "ProtocolGen.CountPrefixAttribute";
    public const string RestOfFrameAttribute = "ProtocolGen.RestOfFrameAttribute";
    public const string WireNameAttribute = "ProtocolGen.WireNameAttribute";
    public const string BigEndianAttribute = "ProtocolGen.BigEndianAttribute";
    public const string MagicAttribute = "ProtocolGen.MagicAttribute";
    public const string FixedAttribute = "ProtocolGen.FixedAttribute";
    public const string NullTerminatedAttribute = "ProtocolGen.NullTerminatedAttribute";
    public const string ChecksumAttribute = "ProtocolGen.ChecksumAttribute";
    public const string WireChecksumInterface = "ProtocolGen.Wire.IWireChecksum`1";
    public const string ClosedEnumAttribute = "ProtocolGen.ClosedEnumAttribute";
    public const string BitsAttribute = "ProtocolGen.BitsAttribute";
    public const string BitOrderAttribute = "ProtocolGen.BitOrderAttribute";
    public const string ReservedAttribute = "ProtocolGen.ReservedAttribute";
    public const string FixedCountAttribute = "ProtocolGen.FixedCountAttribute";
    public const string PadBeforeAttribute = "ProtocolGen.PadBeforeAttribute";
    public const string PadAfterAttribute = "ProtocolGen.PadAfterAttribute";
    public const string WireConverterAttribute = "ProtocolGen.WireConverterAttribute";
    public const string WireConverterInterface = "ProtocolGen.IWireConverter`2";
    public const string WireBytesConverterInterface = "ProtocolGen.IWireBytesConverter`1";
    public const string WireJsonConverterInterface = "ProtocolGen.Json.IWireJsonConverter`1";
    public const string LengthOfAttribute = "ProtocolGen.LengthOfAttribute";
    public const string CountOfAttribute = "ProtocolGen.CountOfAttribute";
    public const string WireUnionAttribute = "ProtocolGen.WireUnionAttribute";
    public const string WireCaseAttribute = "ProtocolGen.WireCaseAttribute";
    public const string WireCaseDefaultAttribute = "ProtocolGen.WireCaseDefaultAttribute";
    public const string SwitchAttribute = "ProtocolGen.SwitchAttribute";
    public const string PseudoHeaderAttribute = "ProtocolGen.PseudoHeaderAttribute";
    public const string PresentWhenAttribute = "ProtocolGen.PresentWhenAttribute";
    public const string DefaultCaseWhenAttribute = "ProtocolGen.DefaultCaseWhenAttribute";
    public const string FrameHeaderAttribute = "ProtocolGen.FrameHeaderAttribute";
    public const string FrameTypeAttribute = "ProtocolGen.FrameTypeAttribute";
    public const string FrameLengthAttribute = "ProtocolGen.FrameLengthAttribute";
    public const string FlagsAttribute = "System.FlagsAttribute";
    public const string WireStructInterface = "ProtocolGen.IWireStruct`1";
    public const string WireJsonInterface = "ProtocolGen.Json.IWireJson`1";
    public const string Ipv4Address = "ProtocolGen.Ipv4Address";
    public const string Ipv6Address = "ProtocolGen.Ipv6Address";
    public const string ImmutableArray = "System.Collections.Immutable.ImmutableArray`1";
    public const string ReadOnlyMemory = "System.ReadOnlyMemory`1";
}
