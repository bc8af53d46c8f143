using System;

namespace ProtocolGen;

/// <summary>
/// Bytes or UTF-8 text that run to the end of the frame, with no prefix and no terminator.
/// Only the last field of a packet may be rest-of-frame.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class RestOfFrameAttribute : Attribute
{
}
