using Microsoft.CodeAnalysis;

namespace ProtocolGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ProtocolGen";
    /// <summary>
    /// Where each diagnostic's section lives: docs/diagnostics.md on the main branch of the repository that
    /// Directory.Build.props names (RepositoryUrl), at the anchor of the section's heading, the ID in lower
    /// case. DiagnosticDocsTests holds the three together; change the repository there and here at once.
    /// </summary>
    internal const string HelpLinkBase = "https://github.com/protocolgen/protocolgen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor MustBePartial = Create(
        "PG0001", "Protocol type must be partial",
        "'{0}' must be declared partial (and so must every type it is nested in) so ProtocolGen can add its codec",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PacketWithoutUnion = Create(
        "PG0002", "Packet is not part of a union",
        "Packet '{0}' must derive from or implement exactly one type marked [ProtocolUnion]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PacketInTwoUnions = Create(
        "PG0003", "Packet is part of more than one union",
        "Packet '{0}' belongs to the unions {1}; a packet must belong to exactly one",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicatePacketType = Create(
        "PG0004", "Two packets share a type byte",
        "Packets '{0}' and '{1}' of union '{2}' both use type byte {3}; give each packet its own",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PacketTypeOutOfRange = Create(
        "PG0005", "Packet type byte is out of range",
        "Packet '{0}' uses type {1}, which does not fit the one-byte type field; use a value from 0 to 255",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        "PG0006", "Member type has no wire form",
        "Member '{0}' has type '{1}', which ProtocolGen cannot put on the wire; use an integer, bool, enum, Ipv4Address, Ipv6Address, byte[], ReadOnlyMemory<byte>, string, a [WireStruct] record, or an array of integers, enums or [WireStruct] records",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingLengthRule = Create(
        "PG0007", "Variable-length member has no length rule",
        "Member '{0}' has no fixed size; mark it {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RestOfFrameNotLast = Create(
        "PG0008", "Rest-of-frame member is not last",
        "Member '{0}' runs to the end of the frame, so it must be the last member; move it last or give it a [LengthPrefix]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConflictingAttributes = Create(
        "PG0009", "Member has conflicting or misplaced layout attributes",
        "Member '{0}' cannot carry {1}; {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAWireStruct = Create(
        "PG0010", "Nested type is not a wire structure",
        "Member '{0}' uses type '{1}', which is not a wire structure; mark '{1}' [WireStruct]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyUnion = Create(
        "PG0011", "Union has no packets",
        "Union '{0}' has no packets; add a [Packet] record that derives from or implements it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnserializedState = Create(
        "PG0012", "State is not serialized",
        "'{0}' is not a positional parameter of '{1}', so it is not written to or read from the wire; make it a positional parameter or remove it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GenericProtocolType = Create(
        "PG0013", "Protocol types cannot be generic",
        "'{0}' is generic or nested in a generic type; remove its type parameters or move it out of the generic type, since packets, wire structures and unions must be non-generic",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MustBeRecord = Create(
        "PG0014", "Packets and wire structures must be records",
        "'{0}' must be a record class or record struct whose positional parameters are its fields",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidUnionRoot = Create(
        "PG0015", "Union root must be an abstract record or an interface",
        "Union '{0}' must be an abstract partial record (its packets derive from it) or a partial interface (its packets implement it)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidFixedLength = Create(
        "PG0016", "Fixed length must be positive",
        "Member '{0}' declares a fixed length of {1}; use a length of 1 or more",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidPrefixWidth = Create(
        "PG0017", "Prefix width is not 1, 2 or 4 bytes",
        "Member '{0}' declares a prefix of {1} bytes; use PrefixWidth.U8, PrefixWidth.U16 or PrefixWidth.U32",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownFrameFormat = Create(
        "PG0018", "Unknown frame format",
        "Union '{0}' declares frame format {1}, which ProtocolGen does not know; use FrameFormat.TypeAndLength32 or FrameFormat.TypeOnly",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SelfContainingStructure = Create(
        "PG0019", "Wire structure contains itself",
        "Member '{0}' holds '{1}' inside itself; flatten the structure, since a recursive layout has no finite size inline, and in an array lets a hostile frame nest it until the stack overflows",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IncompleteExhaustiveHandler = Create(
        "PG0020", "Exhaustive handler does not handle every packet kind",
        "Handler '{0}' is marked [ExhaustiveHandler] but has no Handle method for {1} of {2}; add them, or remove the attribute to let HandleOther receive them",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor StructWithoutJson = Create(
        "PG0021", "Nested structure has no JSON form",
        "Member '{0}' is of type '{1}', which implements IWireStruct but not IWireJson, so its JSON is its wire bytes as a hex string; implement IWireJson<{1}> to give it fields in JSON",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NotABitFieldType = Create(
        "PG0022", "Member cannot be a bit field",
        "Member '{0}' cannot be a bit field: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BitWidthDoesNotFit = Create(
        "PG0023", "Bit width does not fit its type",
        "Member '{0}' declares [Bits({1})], which {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BitGroupNotFilled = Create(
        "PG0024", "Bit group does not fill its container",
        "Member '{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidBitContainer = Create(
        "PG0025", "Invalid bit container",
        "Member '{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConstantDoesNotFit = Create(
        "PG0026", "Constant does not fit its member",
        "{0} is declared {1}, which {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyMagic = Create(
        "PG0027", "Magic is empty or not ASCII",
        "'{0}' declares {1}; give [Magic] at least one byte, as bytes or as ASCII text (one byte per character)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ChecksumMemberMismatch = Create(
        "PG0040", "Checksum member does not match its algorithm",
        "Member '{0}' is declared [Checksum({1})], but {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidChecksumRange = Create(
        "PG0041", "Checksum range is invalid",
        "Checksum '{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAWireChecksum = Create(
        "PG0042", "Checksum type is not an IWireChecksum",
        "Member '{0}' is declared [Checksum(typeof({1}))], but '{1}' is not a struct implementing IWireChecksum<{1}>; implement it, or use ChecksumAlgorithm.Internet or ChecksumAlgorithm.Crc32",
        DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CountOrPaddingNotPositive = Create(
        "PG0028", "Count or padding must be positive",
        "Member '{0}' declares {1}; {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConverterDoesNotConvert = Create(
        "PG0043", "Converter does not convert this member",
        "Member '{0}' of type '{1}' names converter '{2}', which {3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConvertedWithoutJson = Create(
        "PG0044", "Converted member has no JSON form",
        "Member '{0}' is converted by '{1}', which does not implement IWireJsonConverter<{2}>, so its JSON is its wire value; implement IWireJsonConverter<{2}> on the converter to give it a JSON form of its own",
        DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor UnknownMemberReference = Create(
        "PG0029", "Referenced member does not exist",
        "Member '{0}' is declared {1}, but '{2}' has no positional parameter '{3}'; name one of its members (nameof(...) or the name as a literal)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MemberReferenceOnWrongSide = Create(
        "PG0030", "Referenced member is on the wrong side",
        "Member '{0}' is declared {1}, but '{2}' does not come after it; a decoder reads the {3} first, so declare '{2}' after '{0}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MemberReferenceOfWrongType = Create(
        "PG0031", "Referenced member has the wrong type",
        "Member '{0}' is declared {1}, but {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TwoLengthRules = Create(
        "PG0032", "Member has two length rules",
        "Member '{0}' has two length rules: {1}; keep one",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LengthScaleNotPositive = Create(
        "PG0033", "Length scale must be positive",
        "Member '{0}' is declared {1} with Scale = {2}; the scale is the field's unit, in bytes or elements, and must be at least 1",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConditionalNotNullable = Create(
        "PG0034", "Conditional member is not nullable",
        "Member '{0}' is declared [PresentWhen], but its type '{1}' has no null to stand for the member being absent; declare it '{1}?'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SelectorNotPlainField = Create(
        "PG0035", "Selector is not an earlier plain field",
        "Member '{0}' is declared {1}, but {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SwitchWithoutUnion = Create(
        "PG0036", "Misplaced [Switch] or [PseudoHeader]",
        "Member '{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateCaseTag = Create(
        "PG0037", "Case tag is invalid or taken",
        "Case '{0}' of wire union '{1}' {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidDefaultCase = Create(
        "PG0038", "Invalid default case",
        "'{0}' cannot be the default case of wire union '{1}': {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CaseWithoutUnion = Create(
        "PG0039", "Case belongs to no wire union, or to several",
        "Case '{0}' must implement exactly one interface marked [WireUnion]; it implements {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidFrameHeader = Create(
        "PG0045", "Invalid frame header",
        "'{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PacketNumberDoesNotFitHeader = Create(
        "PG0046", "Packet number does not fit the header's type",
        "Packet '{0}' of union '{1}' {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FrameHeaderDataLost = Create(
        "PG0047", "Frame header data would be lost",
        "Member '{0}' of frame header '{1}' is data (not its [FrameType], its [FrameLength] or a [Fixed] value), which frames do not carry to their packets yet; make it [Fixed] or padding, or remove it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyClosedEnum = Create(
        "PG0048", "Closed enum has no named values",
        "Enum '{0}' is marked [ClosedEnum] but names no value, so a decoder refuses every value of it; name its values, or remove [ClosedEnum]",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratedMemberName = Create(
        "PG0049", "Member name is taken by generated code",
        "'{0}' in '{1}' has the name of a member ProtocolGen generates for it; rename it (a positional parameter keeps its wire name through [WireName])",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GuardedSwitchWithoutDefault = Create(
        "PG0050", "Guarded switch has no default case to read",
        "Member {0} is declared [DefaultCaseWhen], which reads the default case of its union '{1}' when a guard holds, but '{1}' has no [WireCaseDefault] record; add one whose last member is [RestOfFrame] bytes, or remove the guards",
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
