using System;

namespace ProtocolGen;

/// <summary>Text ended by a <c>0x00</c> byte (a C string): its UTF-8, then <c>0x00</c>.</summary>
/// <remarks>
/// Alone, the field takes the text's bytes and the <c>0x00</c>: decoding reads up to the first <c>0x00</c> (a body with
/// none is <see cref="ProtocolErrorKind.LengthBeyondFrame"/> at the text's start). With <see cref="FixedLengthAttribute"/>
/// it is a C <c>char[n]</c> that must hold its <c>0x00</c>: at most <c>n - 1</c> bytes of text, then <c>0x00</c> to the
/// end. Either way encoding refuses text holding U+0000, which a decoder would end there.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class NullTerminatedAttribute : Attribute
{
}
