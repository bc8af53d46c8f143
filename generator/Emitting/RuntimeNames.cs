namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// The runtime's namespaces and the fully qualified names of the runtime types generated code names, in one place:
/// emitters write <c>{RuntimeNames.WireReader}</c>, never a namespace of their own. Generated code qualifies every
/// name with <c>global::</c>, so it compiles whatever the user's usings are.
/// </summary>
internal static class RuntimeNames
{
    /// <summary><c>ProtocolGen</c>.</summary>
    public const string RootNamespace = "global::ProtocolGen";

    /// <summary><c>ProtocolGen.Wire</c>.</summary>
    public const string WireNamespace = "global::ProtocolGen.Wire";

    /// <summary><c>ProtocolGen.Framing</c>.</summary>
    public const string FramingNamespace = "global::ProtocolGen.Framing";

    /// <summary><c>ProtocolGen.Streaming</c>.</summary>
    public const string StreamingNamespace = "global::ProtocolGen.Streaming";

    /// <summary><c>ProtocolGen.Json</c>.</summary>
    public const string JsonNamespace = "global::ProtocolGen.Json";

    /// <summary><c>ProtocolGen.Layout</c>.</summary>
    public const string LayoutNamespace = "global::ProtocolGen.Layout";

    /// <summary><c>ProtocolGen.Views</c>.</summary>
    public const string ViewsNamespace = "global::ProtocolGen.Views";

    /// <summary><c>ProtocolGen.Internal</c>.</summary>
    public const string InternalNamespace = "global::ProtocolGen.Internal";
    public const string IWireCases = InternalNamespace + ".IWireCases";
    public const string WireCases = InternalNamespace + ".WireCases";
    public const string WireConditions = InternalNamespace + ".WireConditions";

    // ProtocolGen
    public const string FrameFormat = RootNamespace + ".FrameFormat";
    public const string PrefixWidth = RootNamespace + ".PrefixWidth";
    public const string IPacket = RootNamespace + ".IPacket";
    public const string IPacketUnion = RootNamespace + ".IPacketUnion";
    public const string IWireStruct = RootNamespace + ".IWireStruct";
    public const string IWireWritable = RootNamespace + ".IWireWritable";
    public const string WireCodec = RootNamespace + ".WireCodec";
    public const string ProtocolError = RootNamespace + ".ProtocolError";
    public const string ProtocolErrorKind = RootNamespace + ".ProtocolErrorKind";
    public const string ProtocolException = RootNamespace + ".ProtocolException";
    public const string WireEncodeException = RootNamespace + ".WireEncodeException";
    public const string Ipv4Address = RootNamespace + ".Ipv4Address";
    public const string Ipv6Address = RootNamespace + ".Ipv6Address";

    // ProtocolGen.Wire
    public const string WireReader = WireNamespace + ".WireReader";
    public const string WireWriter = WireNamespace + ".WireWriter";
    public const string WireLength = WireNamespace + ".WireLength";
    public const string Checksums = WireNamespace + ".Checksums";

    // ProtocolGen.Framing
    public const string FrameDecoder = FramingNamespace + ".FrameDecoder";
    public const string FrameDecoderOptions = FramingNamespace + ".FrameDecoderOptions";
    public const string FrameEncoder = FramingNamespace + ".FrameEncoder";
    public const string FrameEncoderOptions = FramingNamespace + ".FrameEncoderOptions";
    public const string FrameEnumerator = FramingNamespace + ".FrameEnumerator";
    public const string FrameHeader = FramingNamespace + ".FrameHeader";
    public const string FrameResult = FramingNamespace + ".FrameResult";

    // ProtocolGen.Streaming
    public const string IFrameSink = StreamingNamespace + ".IFrameSink";
    public const string PacketReader = StreamingNamespace + ".PacketReader";
    public const string PacketReaderOptions = StreamingNamespace + ".PacketReaderOptions";

    // ProtocolGen.Json
    public const string IJsonWritable = JsonNamespace + ".IJsonWritable";
    public const string IWireJson = JsonNamespace + ".IWireJson";
    public const string WireJsonException = JsonNamespace + ".WireJsonException";

    /// <summary>
    /// The JSON helpers emitters call. Generated code takes every JSON rule from the hidden
    /// <see cref="WireJsonFields"/>; the public <c>ProtocolGen.Json.WireJson</c> is the small subset for hand-written
    /// code and forwards to it, so emitters never name it.
    /// </summary>
    public const string WireJson = WireJsonFields;

    // ProtocolGen.Layout
    public const string FieldLayout = LayoutNamespace + ".FieldLayout";
    public const string PacketLayout = LayoutNamespace + ".PacketLayout";

    // ProtocolGen.Views
    public const string PrimitiveArrayView = ViewsNamespace + ".PrimitiveArrayView";
    public const string StructArrayView = ViewsNamespace + ".StructArrayView";
    public const string ViewFrame = ViewsNamespace + ".ViewFrame";

    // ProtocolGen.Internal
    public const string FrameBody = InternalNamespace + ".FrameBody";
    public const string FrameBufferReader = InternalNamespace + ".FrameBufferReader";
    public const string FrameStep = InternalNamespace + ".FrameStep";
    public const string HandlerDefaults = InternalNamespace + ".HandlerDefaults";
    public const string IFrameCodec = InternalNamespace + ".IFrameCodec";
    public const string IFrameHeader = InternalNamespace + ".IFrameHeader";
    public const string IHeaderFrameCodec = InternalNamespace + ".IHeaderFrameCodec";
    public const string FrameLengths = InternalNamespace + ".FrameLengths";
    public const string IViewChecks = InternalNamespace + ".IViewChecks";
    public const string ViewCheck = InternalNamespace + ".ViewCheck";
    public const string ViewReads = InternalNamespace + ".ViewReads";
    public const string WireArrays = InternalNamespace + ".WireArrays";
    public const string WireLengths = InternalNamespace + ".WireLengths";
    public const string WireEquality = InternalNamespace + ".WireEquality";
    public const string WireText = InternalNamespace + ".WireText";

    public const string WireFixedText = InternalNamespace + ".WireFixedText";

    public const string WireTerminatedText = InternalNamespace + ".WireTerminatedText";
    public const string WireConstants = InternalNamespace + ".WireConstants";
    public const string WireBits = InternalNamespace + ".WireBits";
    public const string WireJsonFields = InternalNamespace + ".WireJsonFields";
    public const string WireCounts = InternalNamespace + ".WireCounts";
    public const string WirePadding = InternalNamespace + ".WirePadding";
    public const string WireConverters = InternalNamespace + ".WireConverters";
}
