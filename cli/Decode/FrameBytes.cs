using System;
using ProtocolGen.Framing;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// What of a frame's bytes the JSON form must carry so that <c>encode</c> gives back exactly the bytes
/// <c>decode</c> read: a bad frame's bytes, and the bytes a newer peer appended after a packet's fields.
/// </summary>
internal static class FrameBytes
{
    /// <summary>The JSON property with a bad frame's bytes, which <c>encode</c> writes back verbatim.</summary>
    public const string RawProperty = "raw";

    /// <summary>The JSON property with the bytes after a packet's fields, which <c>encode</c> puts back inside its frame.</summary>
    public const string TrailingProperty = "trailing";

    /// <summary>
    /// Whether the bytes a sink is handed are all of the bad frame: they are for every error but a frame over the
    /// size cap, whose bytes the decoder skips without holding them.
    /// </summary>
    public static bool IsWholeFrame(ProtocolError error) => error.Kind != ProtocolErrorKind.FrameTooLarge;

    /// <summary>The bytes of a good frame after its packet's fields: empty unless a newer peer appended fields.</summary>
    public static ReadOnlySpan<byte> Trailing<TUnion>(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
        where TUnion : IPacketUnion<TUnion> => bytes[(bytes.Length - frame.TrailingLength)..];
}
